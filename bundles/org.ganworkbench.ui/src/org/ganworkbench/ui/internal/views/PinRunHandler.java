package org.ganworkbench.ui.internal.views;

import java.util.Map;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.commands.IElementUpdater;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.menus.UIElement;
import org.eclipse.ui.services.IServiceScopes;

/**
 * Pins the run the views of a window show, so that a newly started run does not replace it; a
 * toggle whose checked state is the window's own.
 */
public final class PinRunHandler extends AbstractHandler implements IElementUpdater {

	public static final String COMMAND_ID = "org.ganworkbench.ui.commands.pinRun"; //$NON-NLS-1$

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
		RunViewsModel model = window.getService(RunViewsModel.class);
		model.setPinned(!model.isPinned());
		ICommandService commands = window.getService(ICommandService.class);
		commands.refreshElements(COMMAND_ID, null);
		return null;
	}

	@Override
	public void updateElement(UIElement element, @SuppressWarnings("rawtypes") Map parameters) {
		Object window = parameters.get(IServiceScopes.WINDOW_SCOPE);
		if (window instanceof IWorkbenchWindow workbenchWindow) {
			RunViewsModel model = workbenchWindow.getService(RunViewsModel.class);
			element.setChecked(model != null && model.isPinned());
		}
	}
}
