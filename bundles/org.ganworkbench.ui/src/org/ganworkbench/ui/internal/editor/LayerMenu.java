package org.ganworkbench.ui.internal.editor;

import java.util.function.DoubleConsumer;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.ganworkbench.model.LayerType;
import org.ganworkbench.model.ModelEdits;

/**
 * The diagram's context menu and keys on the selected layer: insert a layer or a block before or
 * after it, duplicate, rename (F2), move (Alt+Up, Alt+Down), delete (Delete); zoom (Ctrl+=, Ctrl+-,
 * Ctrl+0; Ctrl+wheel on the diagram); and the diagram as PNG.
 */
final class LayerMenu {

	private static final double ZOOM_IN = 1.25;

	private final LayerEdits edits;
	private final Runnable rename;
	private final Runnable export;
	private final DoubleConsumer zoomBy;

	/** @param export asks for a file and writes the diagram there as PNG */
	LayerMenu(Control canvas, LayerEdits edits, Runnable rename, Runnable export, DoubleConsumer zoomBy) {
		this.edits = edits;
		this.rename = rename;
		this.export = export;
		this.zoomBy = zoomBy;
		MenuManager menu = new MenuManager();
		menu.setRemoveAllWhenShown(true);
		menu.addMenuListener(this::fill);
		canvas.setMenu(menu.createContextMenu(canvas));
		canvas.addDisposeListener(e -> menu.dispose());
		canvas.addListener(SWT.KeyDown, e -> {
			if (e.keyCode == SWT.DEL) {
				edits.delete();
			} else if (e.keyCode == SWT.F2) {
				rename.run();
			} else if ((e.stateMask & SWT.ALT) != 0 && e.keyCode == SWT.ARROW_UP) {
				edits.move(-1);
			} else if ((e.stateMask & SWT.ALT) != 0 && e.keyCode == SWT.ARROW_DOWN) {
				edits.move(1);
			} else if ((e.stateMask & SWT.MOD1) != 0 && (e.character == '+' || e.character == '=')) {
				zoomBy.accept(ZOOM_IN);
			} else if ((e.stateMask & SWT.MOD1) != 0 && e.character == '-') {
				zoomBy.accept(1 / ZOOM_IN);
			} else if ((e.stateMask & SWT.MOD1) != 0 && e.character == '0') {
				zoomBy.accept(0);
			}
		});
	}

	private void fill(IMenuManager menu) {
		boolean editable = edits.isEditable();
		boolean layer = edits.hasLayer();
		menu.add(insertMenu(Messages.LayerMenu_insertBefore, false, editable));
		menu.add(insertMenu(Messages.LayerMenu_insertAfter, true, editable));
		menu.add(new Separator());
		menu.add(action(Messages.LayerMenu_duplicate, edits::duplicate, layer));
		menu.add(action(Messages.LayerMenu_rename, rename, layer));
		menu.add(action(Messages.LayerMenu_moveUp, () -> edits.move(-1), layer));
		menu.add(action(Messages.LayerMenu_moveDown, () -> edits.move(1), layer));
		menu.add(new Separator());
		menu.add(action(Messages.LayerMenu_delete, edits::delete, layer));
		menu.add(new Separator());
		menu.add(action(Messages.LayerMenu_zoomIn, () -> zoomBy.accept(ZOOM_IN), true));
		menu.add(action(Messages.LayerMenu_zoomOut, () -> zoomBy.accept(1 / ZOOM_IN), true));
		menu.add(action(Messages.LayerMenu_zoomReset, () -> zoomBy.accept(0), true));
		menu.add(action(Messages.LayerMenu_exportPng, export, true));
	}

	private MenuManager insertMenu(String text, boolean after, boolean enabled) {
		MenuManager sub = new MenuManager(text);
		for (ModelEdits.BlockKind block : ModelEdits.BlockKind.values()) {
			sub.add(action(LayerPalette.blockLabel(block), () -> edits.insertBlock(block, after), enabled));
		}
		sub.add(new Separator());
		for (LayerType type : LayerType.values()) {
			sub.add(action(type.keyword(), () -> edits.insert(type, after), enabled));
		}
		return sub;
	}

	private static Action action(String text, Runnable run, boolean enabled) {
		Action action = new Action(text) {
			@Override
			public void run() {
				run.run();
			}
		};
		action.setEnabled(enabled);
		return action;
	}
}
