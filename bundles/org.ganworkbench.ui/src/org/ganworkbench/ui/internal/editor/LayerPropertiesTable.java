package org.ganworkbench.ui.internal.editor;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.ganworkbench.model.Layer;
import org.ganworkbench.model.syntax.Problem;

/** The properties of the layer selected in the diagram: what inference found and what the file sets. */
final class LayerPropertiesTable {

	private final Table table;
	private final NumberFormat counts = NumberFormat.getIntegerInstance(Locale.ROOT);

	LayerPropertiesTable(Composite parent) {
		table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		column(Messages.LayerPropertiesTable_property, 160);
		column(Messages.LayerPropertiesTable_value, 420);
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
		table.setRedraw(false);
		try {
			table.removeAll();
			if (box == null) {
				return;
			}
			row(Messages.LayerPropertiesTable_name, box.name());
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
				for (Map.Entry<String, Object> entry : layer.params().entrySet()) {
					row(entry.getKey(), String.valueOf(entry.getValue()));
				}
			}
			for (Problem problem : box.problems()) {
				row(problem.severity().label(), problem.toString());
			}
		} finally {
			table.setRedraw(true);
		}
	}

	private void row(String property, String value) {
		TableItem item = new TableItem(table, SWT.NONE);
		item.setText(new String[] { property, value });
	}
}
