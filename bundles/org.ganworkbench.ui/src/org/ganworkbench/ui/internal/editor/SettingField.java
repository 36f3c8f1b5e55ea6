package org.ganworkbench.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.fieldassist.ControlDecoration;
import org.eclipse.jface.fieldassist.FieldDecorationRegistry;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.ganworkbench.model.syntax.ValueKind;
import org.ganworkbench.model.syntax.ValueNode;

/**
 * One row of the Training page: a label, an editor for the value (text, combo, check box or a check
 * box per choice), and the default as a hint. Typed text is checked as typed and flagged with a
 * decoration; a valid value is written to the document on Enter or when the field loses focus, so one
 * edit is one undoable change. Combos and check boxes write at once.
 */
final class SettingField {

	/** Writes a value (source text) at a path of the model file. */
	interface Writer {
		void write(String path, String value);
	}

	private final Setting setting;
	private final Writer writer;
	private Text text;
	private ControlDecoration decoration;
	private Combo combo;
	private Button check;
	private final List<Button> choiceChecks = new ArrayList<>();
	private String shown = ""; //$NON-NLS-1$
	private boolean updating;

	SettingField(Setting setting, Writer writer) {
		this.setting = setting;
		this.writer = writer;
	}

	Setting setting() {
		return setting;
	}

	/** Creates label, editor and hint in a 3-column grid. */
	void create(Composite parent, FormToolkit toolkit, String label, String source) {
		Label labelControl = toolkit.createLabel(parent, label);
		labelControl.setToolTipText(setting.path());
		String hint = setting.defaultText().isEmpty() ? NLS.bind(Messages.SettingField_noDefault, source)
				: NLS.bind(Messages.SettingField_default, setting.defaultText(), source);
		switch (setting.kind()) {
		case INTEGER, NUMBER -> createText(parent, toolkit);
		case CHOICE -> createCombo(parent, toolkit);
		case BOOLEAN -> check = toolkit.createButton(parent, "", SWT.CHECK); //$NON-NLS-1$
		case CHOICE_LIST -> createChoiceChecks(parent, toolkit);
		}
		if (check != null) {
			check.addListener(SWT.Selection, e -> commit(Boolean.toString(check.getSelection())));
		}
		Control editor = editorControl();
		GridData data = new GridData(SWT.FILL, SWT.CENTER, false, false);
		data.widthHint = choiceChecks.isEmpty() && check == null ? 150 : SWT.DEFAULT;
		data.horizontalIndent = 8;
		editor.setLayoutData(data);
		editor.setData(SettingField.class.getName(), setting.path());
		Label hintLabel = toolkit.createLabel(parent, hint);
		hintLabel.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
		String range = setting.kind() == SettingKind.INTEGER || setting.kind() == SettingKind.NUMBER
				? NLS.bind(Messages.SettingField_range, setting.rangeText())
				: String.join(", ", setting.choices()); //$NON-NLS-1$
		editor.setToolTipText(setting.path() + ": " + range); //$NON-NLS-1$
	}

	private void createText(Composite parent, FormToolkit toolkit) {
		text = toolkit.createText(parent, "", SWT.SINGLE); //$NON-NLS-1$
		text.setMessage(setting.defaultText());
		decoration = new ControlDecoration(text, SWT.LEFT | SWT.CENTER);
		decoration.setImage(FieldDecorationRegistry.getDefault().getFieldDecoration(FieldDecorationRegistry.DEC_ERROR)
				.getImage());
		decoration.hide();
		text.addModifyListener(e -> {
			if (!updating) {
				validate();
			}
		});
		text.addListener(SWT.DefaultSelection, e -> commitText());
		text.addListener(SWT.FocusOut, e -> commitText());
	}

	private void createCombo(Composite parent, FormToolkit toolkit) {
		combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
		combo.setItems(setting.choices().toArray(String[]::new));
		toolkit.adapt(combo, true, false);
		combo.addListener(SWT.Selection, e -> {
			if (combo.getSelectionIndex() >= 0) {
				commit(combo.getItem(combo.getSelectionIndex()));
			}
		});
	}

	private void createChoiceChecks(Composite parent, FormToolkit toolkit) {
		Composite row = toolkit.createComposite(parent);
		GridLayout layout = new GridLayout(setting.choices().size(), false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		row.setLayout(layout);
		for (String choice : setting.choices()) {
			Button button = toolkit.createButton(row, choice, SWT.CHECK);
			button.addListener(SWT.Selection, e -> commitChoices());
			choiceChecks.add(button);
		}
	}

	private Control editorControl() {
		if (text != null) {
			return text;
		}
		if (combo != null) {
			return combo;
		}
		return check != null ? check : choiceChecks.get(0).getParent();
	}

	/** The message of the value typed, or null when it is valid (or empty: the default). */
	String validate() {
		String typed = text.getText().strip();
		String problem = typed.isEmpty() ? null : setting.check(typed);
		if (problem == null) {
			decoration.hide();
		} else {
			decoration.setDescriptionText(problem);
			decoration.show();
			decoration.showHoverText(problem);
		}
		return problem;
	}

	/** The error shown for the typed text, or null. */
	String error() {
		return decoration != null && decoration.isVisible() ? decoration.getDescriptionText() : null;
	}

	private void commitText() {
		if (updating || text.isDisposed()) {
			return;
		}
		String typed = text.getText().strip();
		if (typed.isEmpty() || typed.equals(shown) || validate() != null) {
			return; // the format cannot unset a value; an empty field keeps what is written
		}
		decoration.hideHover();
		commit(typed);
	}

	private void commitChoices() {
		List<String> chosen = new ArrayList<>();
		for (Button button : choiceChecks) {
			if (button.getSelection()) {
				chosen.add(button.getText());
			}
		}
		commit("[" + String.join(", ", chosen) + "]"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	private void commit(String value) {
		if (!updating && !value.equals(shown)) {
			shown = value;
			writer.write(setting.path(), value);
		}
	}

	/** Shows the value of a new parse; leaves a text field alone while the user is typing in it. */
	void show(ModelSnapshot snapshot) {
		ValueNode node = snapshot.value(setting.path());
		String value = node == null || node.kind() == ValueKind.INVALID ? "" : node.text(); //$NON-NLS-1$
		updating = true;
		try {
			if (text != null) {
				if (!text.isFocusControl() || error() == null) {
					if (!text.getText().strip().equals(value)) {
						text.setText(value);
					}
					decoration.hide();
				}
			} else if (combo != null) {
				int index = setting.choices().indexOf(value.isEmpty() ? setting.defaultText() : value);
				if (index >= 0) {
					combo.select(index);
				} else {
					combo.deselectAll();
				}
			} else if (check != null) {
				check.setSelection(Boolean.parseBoolean(value.isEmpty() ? setting.defaultText() : value));
			} else {
				List<String> chosen = new ArrayList<>();
				if (node != null && node.items() != null) {
					for (ValueNode item : node.items()) {
						chosen.add(item.text());
					}
				}
				for (Button button : choiceChecks) {
					button.setSelection(chosen.contains(button.getText()));
				}
			}
			shown = currentText(value);
		} finally {
			updating = false;
		}
	}

	private String currentText(String written) {
		if (choiceChecks.isEmpty()) {
			return written;
		}
		List<String> chosen = new ArrayList<>();
		for (Button button : choiceChecks) {
			if (button.getSelection()) {
				chosen.add(button.getText());
			}
		}
		return "[" + String.join(", ", chosen) + "]"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	/** Whether the field can be edited (a sweep's fields only when the model has a sweep block). */
	void setEnabled(boolean enabled) {
		editorControl().setEnabled(enabled);
		for (Button button : choiceChecks) {
			button.setEnabled(enabled);
		}
	}

	boolean isEnabled() {
		return editorControl().isEnabled();
	}

	/** For tests: types into a text field and presses Enter. */
	void typeAndCommit(String value) {
		text.setFocus();
		text.setText(value);
		commitText();
	}
}
