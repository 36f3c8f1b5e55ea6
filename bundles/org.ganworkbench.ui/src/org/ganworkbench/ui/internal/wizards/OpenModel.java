package org.ganworkbench.ui.internal.wizards;

import org.eclipse.core.resources.IFile;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.ISetSelectionTarget;
import org.eclipse.ui.statushandlers.StatusManager;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.viewers.StructuredSelection;
import org.ganworkbench.ui.internal.editor.GanModelEditor;

/** What both wizards do at the end: reveal the new model and open it in the model editor. */
final class OpenModel {

	private OpenModel() {
	}

	static void reveal(IWorkbench workbench, IFile model) {
		IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
		IWorkbenchPage page = window == null ? null : window.getActivePage();
		if (page == null) {
			return;
		}
		if (page.getActivePart() instanceof ISetSelectionTarget target) {
			target.selectReveal(new StructuredSelection(model));
		}
		try {
			IDE.openEditor(page, model, GanModelEditor.ID, true);
		} catch (PartInitException e) {
			StatusManager.getManager().handle(Status.error(e.getMessage(), e), StatusManager.LOG | StatusManager.SHOW);
		}
	}
}
