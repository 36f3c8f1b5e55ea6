package org.ganworkbench.ui.internal.views;

import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.services.AbstractServiceFactory;
import org.eclipse.ui.services.IServiceLocator;
import org.ganworkbench.core.GanCore;

/**
 * Makes one {@link RunViewsModel} per workbench window (extension point org.eclipse.ui.services).
 * Asked at a part site, it declines, so that the site's parent, the window, makes the model and
 * every view of the window shares it; the window disposes it when it closes.
 */
public final class RunViewsModelFactory extends AbstractServiceFactory {

	@Override
	public Object create(@SuppressWarnings("rawtypes") Class serviceInterface, IServiceLocator parentLocator,
			IServiceLocator locator) {
		if (!RunViewsModel.class.equals(serviceInterface)) {
			return null;
		}
		boolean windowLevel = locator.getService(IWorkbenchWindow.class) != null
				&& locator.getService(IWorkbenchPartSite.class) == null;
		return windowLevel ? new RunViewsModel(GanCore.runMonitor()) : null;
	}
}
