package org.ganworkbench.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.ganworkbench.ui.internal.runs.RunsView;
import org.ganworkbench.ui.internal.views.MetricsView;
import org.ganworkbench.ui.internal.views.SamplesView;
import org.ganworkbench.ui.internal.views.SingularValuesView;

/** Lays out the GAN perspective: projects left, editor centre, run views right, problems and console below. */
public class GanPerspective implements IPerspectiveFactory {

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editors = layout.getEditorArea();
		layout.addView(IPageLayout.ID_PROJECT_EXPLORER, IPageLayout.LEFT, 0.2f, editors);
		IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.6f, editors); //$NON-NLS-1$
		bottom.addView(IPageLayout.ID_PROBLEM_VIEW);
		// The runs of the workspace, beside the problems: the table wants the width.
		bottom.addView(RunsView.ID);
		bottom.addView("org.eclipse.ui.console.ConsoleView"); //$NON-NLS-1$
		layout.addShowViewShortcut(RunsView.ID);
		IFolderLayout runs = layout.createFolder("runs", IPageLayout.RIGHT, 0.55f, editors); //$NON-NLS-1$
		for (String view : new String[] { SamplesView.ID, MetricsView.ID, SingularValuesView.ID }) {
			runs.addView(view);
			layout.addShowViewShortcut(view);
		}
		layout.addShowViewShortcut(IPageLayout.ID_PROBLEM_VIEW);
		layout.addPerspectiveShortcut("org.eclipse.jdt.ui.JavaPerspective"); //$NON-NLS-1$
	}
}
