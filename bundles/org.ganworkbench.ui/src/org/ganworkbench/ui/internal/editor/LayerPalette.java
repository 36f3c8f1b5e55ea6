package org.ganworkbench.ui.internal.editor;

import java.util.Arrays;

import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.ganworkbench.model.LayerType;
import org.ganworkbench.model.ModelEdits;

/**
 * The Architecture page's palette: every layer type of the model format and the blocks BigGAN and
 * SN-GAN are built from. A double-click (or Enter) inserts the entry after the layer selected in the
 * diagram, with its defaults.
 */
final class LayerPalette {

	private final Table table;
	private final LayerEdits edits;

	LayerPalette(Composite parent, LayerEdits edits) {
		this.edits = edits;
		table = new Table(parent, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL);
		table.setToolTipText(Messages.LayerPalette_tip);
		table.addSelectionListener(SelectionListener.widgetDefaultSelectedAdapter(e -> insertChosen()));
		// Filled in a UI task of its own: opening a model file must not wait for 30 rows.
		table.getDisplay().asyncExec(this::fill);
	}

	private void fill() {
		if (table.isDisposed() || table.getItemCount() > 0) {
			return;
		}
		for (ModelEdits.BlockKind block : ModelEdits.BlockKind.values()) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(blockLabel(block));
			item.setData(block);
		}
		for (LayerType type : LayerType.values()) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(type.keyword());
			item.setData(type);
		}
	}

	Control getControl() {
		return table;
	}

	static String blockLabel(ModelEdits.BlockKind block) {
		return switch (block) {
		case RESIDUAL_UP -> Messages.LayerPalette_residualUp;
		case RESIDUAL_DOWN -> Messages.LayerPalette_residualDown;
		case SELF_ATTENTION -> Messages.LayerPalette_selfAttention;
		};
	}

	private void insertChosen() {
		int index = table.getSelectionIndex();
		if (index < 0 || !edits.isEditable()) {
			return;
		}
		Object entry = table.getItem(index).getData();
		if (entry instanceof LayerType type) {
			edits.insert(type, true);
		} else {
			edits.insertBlock((ModelEdits.BlockKind) entry, true);
		}
	}

	/** For tests: chooses an entry by its text and inserts it, as a double-click does. */
	void insert(String text) {
		fill();
		TableItem item = Arrays.stream(table.getItems()).filter(i -> i.getText().equals(text)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no palette entry " + text)); //$NON-NLS-1$
		table.setSelection(item);
		table.notifyListeners(SWT.DefaultSelection, new Event());
	}
}
