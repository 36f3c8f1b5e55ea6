package org.ganworkbench.demo.internal;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.WorkbenchException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.ganworkbench.ui.GanUi;
import org.ganworkbench.ui.internal.launching.GanLaunchShortcut;

/**
 * Prepares the demo workspace when the IDE was started by {@code ./gan-workbench} (system property
 * {@code ganworkbench.demo}): creates what is missing, shows the GAN perspective, the welcome and the
 * model. With {@code ganworkbench.demo.autorun} it also starts the demo run through the launch
 * shortcut, as Run As > GAN Training would (the screenshot script uses that).
 */
public class DemoStartup implements IStartup {

	static final String DEMO = "ganworkbench.demo"; //$NON-NLS-1$
	static final String AUTORUN = "ganworkbench.demo.autorun"; //$NON-NLS-1$

	@Override
	public void earlyStartup() {
		if (!Boolean.getBoolean(DEMO)) {
			return;
		}
		WorkspaceJob job = new WorkspaceJob(Messages.DemoWorkspace_creating) {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				boolean firstStart = !ResourcesPlugin.getWorkspace().getRoot().getProject(DemoWorkspace.SYNTHETIC_PROJECT)
						.exists();
				IFile model = DemoWorkspace.ensure(monitor);
				PlatformUI.getWorkbench().getDisplay().asyncExec(() -> show(model, firstStart));
				return Status.OK_STATUS;
			}
		};
		job.setRule(ResourcesPlugin.getWorkspace().getRoot());
		job.schedule();
	}

	private static void show(IFile model, boolean firstStart) {
		IWorkbench workbench = PlatformUI.getWorkbench();
		IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
		if (window == null) {
			return;
		}
		if (firstStart) {
			// The editor and three live views need room; later starts keep the user's window size.
			// Bounds as well as maximized: without a window manager (Xvfb) only the bounds take effect.
			window.getShell().setBounds(window.getShell().getDisplay().getPrimaryMonitor().getClientArea());
			window.getShell().setMaximized(true);
		}
		try {
			IWorkbenchPage page = workbench.showPerspective(GanUi.PERSPECTIVE_ID, window);
			IFile welcome = model.getProject().getFile(DemoWorkspace.WELCOME);
			if (welcome.exists()) {
				IDE.openEditor(page, welcome);
			}
			IDE.openEditor(page, model);
		} catch (WorkbenchException e) {
			ILog.of(DemoStartup.class).log(e.getStatus());
		}
		if (Boolean.getBoolean(AUTORUN)) {
			new GanLaunchShortcut().launch(model, ILaunchManager.RUN_MODE);
		}
	}
}
