package org.ganworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.ganworkbench.ui.GanUi;
import org.junit.jupiter.api.Test;

class PerspectiveTest {

	@Test
	void theGanPerspectiveOpensInTheRunningWorkbench() throws Exception {
		assertTrue(PlatformUI.isWorkbenchRunning());
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		assertNotNull(window, "a workbench window is open");
		IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(GanUi.PERSPECTIVE_ID, window);
		assertEquals(GanUi.PERSPECTIVE_ID, page.getPerspective().getId());
		assertNotNull(page.findView(IPageLayout.ID_PROJECT_EXPLORER), "the project explorer is part of the layout");
	}
}
