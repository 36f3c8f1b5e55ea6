package org.ganworkbench.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.ExpandableComposite;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.forms.widgets.Section;
import org.ganworkbench.model.syntax.BlockNode;

/**
 * The Training page: a form for every training setting. Each edit goes through the document (see
 * {@link DocumentModel#set}), so the source keeps its comments and layout and Undo takes it back.
 * A file in safe mode (read-only) shows its training block's text instead.
 */
public final class TrainingPage extends FormPage {

	public static final String ID = "org.ganworkbench.ui.modelEditor.training"; //$NON-NLS-1$
	private static final int READ_ONLY_CHARS = 16 * 1024;

	private final GanModelEditor editor;
	private final TrainingSettings settings = new TrainingSettings();
	private final List<SettingField> fields = new ArrayList<>();
	private final Consumer<ModelSnapshot> listener = this::update;
	/** Safe mode's view of the training block, instead of the fields. */
	private Text readOnlyText;

	public TrainingPage(GanModelEditor editor) {
		super(editor, ID, Messages.TrainingPage_title);
		this.editor = editor;
	}

	@Override
	protected void createFormContent(IManagedForm managedForm) {
		ScrolledForm form = managedForm.getForm();
		FormToolkit toolkit = managedForm.getToolkit();
		form.setText(Messages.TrainingPage_title);
		toolkit.decorateFormHeading(form.getForm());
		Composite body = form.getBody();
		GridLayout layout = new GridLayout(2, true);
		layout.horizontalSpacing = 16;
		body.setLayout(layout);
		DocumentModel model = editor.documentModel();
		if (!model.isEditable()) {
			// Safe mode: nothing can be written, so no form (its two dozen fields take about 110 ms of
			// the UI thread to create); the training block's own text, read-only, says what is set.
			body.setLayout(new GridLayout(1, false));
			readOnlyText = toolkit.createText(body, "", SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL); //$NON-NLS-1$
			readOnlyText.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
			model.addListener(listener);
			update(model.snapshot());
			return;
		}
		List<Setting> all = settings.all();
		for (String section : settings.sections()) {
			Composite client = section(toolkit, body, settings.label(section),
					TrainingSettings.SWEEP.equals(section) ? Messages.TrainingPage_sweepDescription : null);
			for (Setting setting : all) {
				if (setting.section().equals(section)) {
					SettingField field = new SettingField(setting, this::write);
					field.create(client, toolkit, settings.label(setting.path()), settings.source(setting));
					fields.add(field);
				}
			}
		}
		model.addListener(listener);
		update(model.snapshot());
	}

	private static Composite section(FormToolkit toolkit, Composite body, String title, String description) {
		Section section = toolkit.createSection(body, ExpandableComposite.TITLE_BAR | ExpandableComposite.EXPANDED
				| (description == null ? 0 : Section.DESCRIPTION));
		section.setText(title);
		if (description != null) {
			section.setDescription(description);
		}
		section.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		Composite client = toolkit.createComposite(section);
		client.setLayout(new GridLayout(3, false));
		section.setClient(client);
		toolkit.paintBordersFor(client);
		return client;
	}

	private void write(String path, String value) {
		try {
			editor.documentModel().set(path, value);
			editor.documentModel().reparse();
		} catch (IllegalArgumentException e) {
			getManagedForm().getForm().setMessage(NLS.bind(Messages.TrainingPage_cannotWrite, path, e.getMessage()),
					IMessageProvider.ERROR);
		}
	}

	private void update(ModelSnapshot snapshot) {
		if (getManagedForm() == null || getManagedForm().getForm().isDisposed()) {
			return;
		}
		boolean sweep = snapshot.block(TrainingSettings.SWEEP) != null;
		for (SettingField field : fields) {
			field.show(snapshot);
			if (TrainingSettings.SWEEP.equals(field.setting().section())) {
				field.setEnabled(sweep); // writing a key would make a sweep block without what it varies
			}
		}
		if (readOnlyText != null) {
			readOnlyText.setText(trainingText(snapshot));
		}
		ScrolledForm form = getManagedForm().getForm();
		if (editor.safeModeMessage() != null) {
			form.setMessage(editor.safeModeMessage(), IMessageProvider.WARNING);
		} else if (snapshot.ganBlock() == null || snapshot.ganBlock().closeBrace() < 0) {
			form.setMessage(Messages.TrainingPage_noGanBlock, IMessageProvider.WARNING);
		} else {
			form.setMessage(null, IMessageProvider.NONE);
		}
		form.reflow(true);
	}

	/** The training block as written, at most {@value #READ_ONLY_CHARS} characters of it. */
	private static String trainingText(ModelSnapshot snapshot) {
		BlockNode training = snapshot.block("training"); //$NON-NLS-1$
		if (training == null) {
			return Messages.TrainingPage_noTrainingBlock;
		}
		int start = training.offset();
		int end = Math.min(start + Math.min(training.length(), READ_ONLY_CHARS), snapshot.text().length());
		return snapshot.text().substring(start, end);
	}

	/** The field of a path, for tests. */
	SettingField field(String path) {
		for (SettingField field : fields) {
			if (field.setting().path().equals(path)) {
				return field;
			}
		}
		return null;
	}

	/** For tests: types a value into the field of {@code path} and presses Enter. */
	void type(String path, String value) {
		field(path).typeAndCommit(value);
	}

	/** For tests: the error flagged on the field of {@code path}, or null. */
	String errorOf(String path) {
		return field(path).error();
	}

	@Override
	public void dispose() {
		if (editor.documentModel() != null) {
			editor.documentModel().removeListener(listener);
		}
		super.dispose();
	}
}
