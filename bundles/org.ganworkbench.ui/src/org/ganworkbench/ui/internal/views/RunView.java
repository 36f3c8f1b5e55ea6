package org.ganworkbench.ui.internal.views;

import org.eclipse.ui.part.ViewPart;

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
