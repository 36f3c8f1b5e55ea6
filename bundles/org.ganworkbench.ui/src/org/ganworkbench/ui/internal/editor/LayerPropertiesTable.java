package org.ganworkbench.ui.internal.editor;

import java.text.NumberFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.custom.CCombo;
import org.eclipse.swt.custom.TableEditor;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.ganworkbench.model.KeySpec;
import org.ganworkbench.model.ModelEdits;
import org.ganworkbench.model.ModelSchema;
import org.ganworkbench.model.NetworkRole;
import org.ganworkbench.model.ValueType;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.ganworkbench.model.Layer;
import org.ganworkbench.model.syntax.Problem;

/**
 * The properties of the layer selected in the diagram: what inference found, and every key the model
 * schema declares for its type, editable in place (a click on the value: choices and true/false as a
 * list, the rest as text; empty removes the key). The name is editable too (a rename). A network's
 * input shows its block as a form: G's z the latent block, D's x the data block. Edits go through
 * {@link LayerEdits}, as text edits of the document.
 */
final class LayerPropertiesTable {

	/** The data of the name row: editing it renames the layer. */
	private static final Object NAME_ROW = new Object();

	/** The data of a row of the latent block (shown for G's input z) or the data block (for D's input x). */
	private record BlockKey(String block, KeySpec spec) {
	}

	private final Table table;
	private final TableEditor cellEditor;
	private final LayerEdits edits;
	private final NumberFormat counts = NumberFormat.getIntegerInstance(Locale.ROOT);

	LayerPropertiesTable(Composite parent, LayerEdits edits) {
		this.edits = edits;
		table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		column(Messages.LayerPropertiesTable_property, 160);
		column(Messages.LayerPropertiesTable_value, 420);
		cellEditor = new TableEditor(table);
		cellEditor.grabHorizontal = true;
		table.addListener(SWT.MouseDown, e -> {
			TableItem item = table.getItem(new Point(e.x, e.y));
			if (item != null && item.getBounds(1).contains(e.x, e.y)) {
				edit(item);
			}
		});
	}

	private void column(String title, int width) {
		TableColumn column = new TableColumn(table, SWT.LEFT);
		column.setText(title);
		column.setWidth(width);
	}

	Control getControl() {
		return table;
	}

	void show(LayerBox box) {
		closeEditor();
		table.setRedraw(false);
		try {
			table.removeAll();
			if (box == null) {
				return;
			}
			row(Messages.LayerPropertiesTable_name, box.name()).setData(box.isInput() ? null : NAME_ROW);
			if (box.isInput()) {
				// the input's block as a form: latent for z, data for x
				String block = box.role() == NetworkRole.GENERATOR ? "latent" : "data"; //$NON-NLS-1$ //$NON-NLS-2$
				for (KeySpec key : ModelSchema.keys(block)) {
					String written = edits.blockValue(block, key.key());
					row(block + "." + key.key(), written == null ? "" : written).setData(new BlockKey(block, key)); //$NON-NLS-1$ //$NON-NLS-2$
				}
			}
			row(Messages.LayerPropertiesTable_type, box.type());
			Layer layer = box.layer();
			if (layer != null) {
				row(Messages.LayerPropertiesTable_inputs, String.join(", ", layer.inputs())); //$NON-NLS-1$
				row(Messages.LayerPropertiesTable_inputShape, DiagramLayout.shapeText(layer.inputShape()));
			}
			row(Messages.LayerPropertiesTable_outputShape, box.shape());
			if (layer != null) {
				row(Messages.LayerPropertiesTable_params, counts.format(layer.paramCount()));
				row(Messages.LayerPropertiesTable_trainable, counts.format(layer.trainableParamCount()));
				if (layer.type().hasWeights()) {
					row(Messages.LayerPropertiesTable_spectralNorm, Boolean.toString(layer.spectralNorm()));
				}
				Map<String, Object> written = layer.params();
				for (KeySpec key : ModelEdits.editableKeys(layer.type())) {
					TableItem item = row(key.key(), written.containsKey(key.key()) ? sourceText(key, written.get(key.key())) : ""); //$NON-NLS-1$
					item.setData(key);
				}
				for (Map.Entry<String, Object> entry : written.entrySet()) {
					if (ModelEdits.editableKeys(layer.type()).stream().noneMatch(k -> k.key().equals(entry.getKey()))) {
						row(entry.getKey(), String.valueOf(entry.getValue())); // a custom layer's own keys
					}
				}
			}
			for (Problem problem : box.problems()) {
				row(problem.severity().label(), problem.toString());
			}
		} finally {
			table.setRedraw(true);
		}
	}

	private TableItem row(String property, String value) {
		TableItem item = new TableItem(table, SWT.NONE);
		item.setText(new String[] { property, value });
		return item;
	}

	/** A written value as the source has it: strings quoted, lists bracketed, numbers plain (64, not 64.0). */
	private static String sourceText(KeySpec key, Object value) {
		if (value instanceof List<?> list) {
			return list.stream().map(LayerPropertiesTable::plain).collect(Collectors.joining(", ", "[", "]")); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
		return key.type() == ValueType.STRING ? '"' + String.valueOf(value) + '"' : plain(value);
	}

	private static String plain(Object value) {
		return value instanceof Number number ? Setting.plain(number.doubleValue()) : String.valueOf(value);
	}

	/** Opens the value cell of a key or name row for editing; other rows are read-only. */
	private void edit(TableItem item) {
		Object data = item.getData();
		if (data == null || !(data instanceof BlockKey ? edits.isEditable() : edits.hasLayer())) {
			return;
		}
		closeEditor();
		KeySpec key = data instanceof KeySpec spec ? spec : data instanceof BlockKey blockKey ? blockKey.spec() : null;
		List<String> choices = key == null ? List.of()
				: key.type() == ValueType.BOOLEAN ? List.of("true", "false") //$NON-NLS-1$ //$NON-NLS-2$
						: key.type() == ValueType.CHOICE ? key.choices() : List.of();
		Control control;
		if (!choices.isEmpty()) {
			CCombo combo = new CCombo(table, SWT.READ_ONLY | SWT.FLAT);
			combo.add(""); // the key's default: removes it //$NON-NLS-1$
			choices.forEach(combo::add);
			combo.setText(item.getText(1));
			combo.addListener(SWT.Selection, e -> commit(item, combo.getText()));
			combo.addListener(SWT.FocusOut, e -> closeEditor());
			control = combo;
		} else {
			Text text = new Text(table, SWT.NONE);
			text.setText(item.getText(1));
			text.selectAll();
			text.addListener(SWT.DefaultSelection, e -> commit(item, text.getText()));
			text.addListener(SWT.FocusOut, e -> commit(item, text.getText()));
			text.addListener(SWT.Traverse, e -> {
				if (e.detail == SWT.TRAVERSE_ESCAPE) {
					e.doit = false;
					closeEditor();
				}
			});
			control = text;
		}
		if (key != null) {
			control.setToolTipText(hint(key));
		}
		table.showItem(item);
		cellEditor.setEditor(control, item, 1);
		control.setFocus();
	}

	private void commit(TableItem item, String typed) {
		if (item.isDisposed() || typed.equals(item.getText(1))) {
			closeEditor();
			return;
		}
		Object data = item.getData();
		closeEditor();
		if (data == NAME_ROW) {
			edits.rename(typed.strip());
		} else if (data instanceof KeySpec key) {
			String value = sourceValue(key, typed);
			edits.set(key.key(), value.isEmpty() ? null : value);
		} else if (data instanceof BlockKey blockKey && !typed.isBlank()) {
			edits.setBlockKey(blockKey.block(), blockKey.spec().key(), sourceValue(blockKey.spec(), typed));
		}
	}

	/** Typed text as source text: a string gets its quotes if the user left them out. */
	private static String sourceValue(KeySpec key, String typed) {
		String value = typed.strip();
		return key.type() == ValueType.STRING && !value.isEmpty() && !value.startsWith("\"") ? '"' + value + '"' : value; //$NON-NLS-1$
	}

	private void closeEditor() {
		Control old = cellEditor.getEditor();
		if (old != null && !old.isDisposed()) {
			cellEditor.setEditor(null);
			old.dispose();
		}
	}

	/** What a key takes, from the schema: its range or choices. */
	private static String hint(KeySpec key) {
		return switch (key.type()) {
		case INTEGER, NUMBER -> NLS.bind(Messages.LayerPropertiesTable_range, key.key(),
				(key.minExclusive() ? "(" : "[") + Setting.plain(key.min()) + ", " + Setting.plain(key.max()) //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
						+ (key.maxExclusive() ? ")" : "]")); //$NON-NLS-1$ //$NON-NLS-2$
		case CHOICE, INTEGER_OR_CHOICE, CHOICE_LIST -> NLS.bind(Messages.LayerPropertiesTable_choices, key.key(),
				String.join(", ", key.choices())); //$NON-NLS-1$
		default -> key.key();
		};
	}

	/**
	 * For tests: types a value into a key's cell ("name" for the layer's name, "latent.size" for a key of
	 * an input's block) and commits it, as a user would.
	 */
	void type(String key, String value) {
		Control control = typeWithoutCommit(key, value);
		control.notifyListeners(control instanceof CCombo ? SWT.Selection : SWT.DefaultSelection, new Event());
	}

	/** For tests: opens a key's cell and types a value, not yet committed (an edit in progress). */
	Control typeWithoutCommit(String key, String value) {
		edit(editableRow(key));
		Control control = cellEditor.getEditor();
		if (control instanceof CCombo combo) {
			combo.setText(value);
		} else {
			((Text) control).setText(value);
		}
		return control;
	}

	/** For tests: the keys offered for editing with their types and ranges, in the table's order. */
	List<KeySpec> editableSpecs() {
		return Arrays.stream(table.getItems()).filter(i -> i.getData() instanceof KeySpec).map(i -> (KeySpec) i.getData())
				.toList();
	}

	/** For tests: the value shown for a key (or "name"). */
	String value(String key) {
		return editableRow(key).getText(1);
	}

	private TableItem editableRow(String key) {
		return Arrays.stream(table.getItems())
				.filter(i -> i.getData() instanceof KeySpec spec ? spec.key().equals(key)
						: i.getData() instanceof BlockKey blockKey ? (blockKey.block() + "." + blockKey.spec().key()).equals(key) //$NON-NLS-1$
								: i.getData() == NAME_ROW && key.equals("name")) //$NON-NLS-1$
				.findFirst().orElseThrow(() -> new IllegalArgumentException("no editable row " + key)); //$NON-NLS-1$
	}
}
