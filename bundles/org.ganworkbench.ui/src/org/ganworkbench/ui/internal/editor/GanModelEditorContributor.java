package org.ganworkbench.ui.internal.editor;

import java.util.List;

import org.eclipse.jface.action.IAction;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.part.MultiPageEditorActionBarContributor;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * Global actions of the model editor: Undo and Redo always act on the shared document (so a form
 * edit is undone from any page); the text actions only while the Source page is active.
 */
public final class GanModelEditorContributor extends MultiPageEditorActionBarContributor {

	private static final List<String> TEXT_ACTIONS = List.of(ActionFactory.DELETE.getId(), ActionFactory.CUT.getId(),
			ActionFactory.COPY.getId(), ActionFactory.PASTE.getId(), ActionFactory.SELECT_ALL.getId(),
			ActionFactory.FIND.getId());
	private static final List<String> DOCUMENT_ACTIONS = List.of(ActionFactory.UNDO.getId(), ActionFactory.REDO.getId());

	private GanModelEditor editor;

	@Override
	public void setActiveEditor(IEditorPart part) {
		editor = part instanceof GanModelEditor modelEditor ? modelEditor : null;
		super.setActiveEditor(part);
	}

	@Override
	public void setActivePage(IEditorPart activeEditor) {
		IActionBars bars = getActionBars();
		if (bars == null) {
			return;
		}
		ITextEditor source = editor == null ? null : editor.sourceEditor();
		boolean onSource = activeEditor instanceof ITextEditor;
		for (String id : TEXT_ACTIONS) {
			bars.setGlobalActionHandler(id, onSource ? action(source, id) : null);
		}
		for (String id : DOCUMENT_ACTIONS) {
			bars.setGlobalActionHandler(id, action(source, id));
		}
		bars.updateActionBars();
	}

	private static IAction action(ITextEditor editor, String id) {
		return editor == null ? null : editor.getAction(id);
	}
}
