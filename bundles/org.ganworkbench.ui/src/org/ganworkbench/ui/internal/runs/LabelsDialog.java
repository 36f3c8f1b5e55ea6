package org.ganworkbench.ui.internal.runs;

import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.ganworkbench.model.run.UserLabels;

/** A run's name, tags and note, kept in labels.json beside the run (its own files stay as written). */
final class LabelsDialog extends Dialog {

	private final String folderName;
	private UserLabels labels;
	private Text name;
	private Text tags;
	private Text note;

	LabelsDialog(Shell parent, String folderName, UserLabels labels) {
		super(parent);
		this.folderName = folderName;
		this.labels = labels;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(NLS.bind(Messages.LabelsDialog_title, folderName));
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
		name = field(area, Messages.LabelsDialog_name, labels.name() == null ? "" : labels.name(), SWT.SINGLE); //$NON-NLS-1$
		name.setMessage(folderName);
		tags = field(area, Messages.LabelsDialog_tags, String.join(", ", labels.tags()), SWT.SINGLE); //$NON-NLS-1$
		note = field(area, Messages.LabelsDialog_note, labels.note() == null ? "" : labels.note(), //$NON-NLS-1$
				SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
		GridDataFactory.fillDefaults().grab(true, true).hint(360, 80).applyTo(note);
		return area;
	}

	private static Text field(Composite parent, String label, String value, int style) {
		new Label(parent, SWT.NONE).setText(label);
		Text text = new Text(parent, SWT.BORDER | style);
		text.setText(value);
		GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(text);
		return text;
	}

	@Override
	protected void okPressed() {
		List<String> tagList = Arrays.stream(tags.getText().split(",")).map(String::strip).filter(t -> !t.isEmpty()) //$NON-NLS-1$
				.distinct().toList();
		String nameText = name.getText().strip();
		String noteText = note.getText().strip();
		labels = new UserLabels(nameText.isEmpty() ? null : nameText, tagList, noteText.isEmpty() ? null : noteText);
		super.okPressed();
	}

	UserLabels labels() {
		return labels;
	}
}
