package org.ganworkbench.ui.internal.views;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.jface.action.Action;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.part.ViewPart;
import org.ganworkbench.ui.internal.views.chart.ChartExport;

/**
 * The lifecycle the run views share: they take the workbench's {@link RunViewsModel} from their
 * site, listen to it while open, and stop their background work when closed.
 */
abstract class RunView extends ViewPart implements RunViewsModel.Listener {

	/** The run the views show; set by {@link #listen()} in createPartControl. */
	protected RunViewsModel model;

	/** UI thread, in createPartControl once the view's refresh is set up: starts listening. */
	protected final void listen() {
		model = getSite().getService(RunViewsModel.class);
		model.addListener(this);
	}

	/** The charts a view exports as PNG (as shown: overlaid runs, legends and all); null if it has none. */
	protected Control chartArea() {
		return null;
	}

	/** In createPartControl: an Export Charts as PNG button on the view's toolbar. */
	protected final void addExportAction() {
		getViewSite().getActionBars().getToolBarManager().add(new Action(Messages.RunView_exportPng) {
			@Override
			public void run() {
				ChartExport.saveAs(getSite().getShell(), Messages.RunView_exportPng, RunView.this::exportCharts);
			}
		});
		getViewSite().getActionBars().updateActionBars();
	}

	/** Writes the view's charts, as shown, to a PNG file. */
	void exportCharts(Path file) throws IOException {
		ChartExport.writePng(chartArea(), file);
	}

	/** Cancels the view's background refresh; called when the view closes. */
	protected abstract void stopRefreshing();

	@Override
	public void dispose() {
		if (model != null) {
			model.removeListener(this);
		}
		stopRefreshing();
		super.dispose();
	}
}
