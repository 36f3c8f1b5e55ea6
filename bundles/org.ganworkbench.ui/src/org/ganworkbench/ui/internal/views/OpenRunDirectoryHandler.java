package org.ganworkbench.ui.internal.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ganworkbench.core.GanCore;
import org.ganworkbench.core.runs.RunMonitor;
import org.ganworkbench.core.runs.RunSession;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.ui.GanUi;

/**
 * Opens a run directory written earlier (by a headless trainer, or before a restart): the run
 * monitor replays it in a job and the run views of the window show it.
 */
public final class OpenRunDirectoryHandler extends AbstractHandler {

	public static final String COMMAND_ID = "org.ganworkbench.ui.commands.openRunDirectory"; //$NON-NLS-1$

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
		DirectoryDialog dialog = new DirectoryDialog(window.getShell());
		dialog.setText(Messages.OpenRunDirectory_title);
		dialog.setMessage(Messages.OpenRunDirectory_message);
		String chosen = dialog.open();
		if (chosen == null) {
			return null;
		}
		Path directory = Path.of(chosen);
		if (!new RunDirectory(directory).exists()) {
			MessageDialog.openError(window.getShell(), Messages.OpenRunDirectory_title,
					NLS.bind(Messages.OpenRunDirectory_notARun, chosen, RunDirectory.DESCRIPTION));
			return null;
		}
		open(window, directory);
		return null;
	}

	/** Replays a run directory in a job and shows it in the run views of a window. */
	public static Job open(IWorkbenchWindow window, Path directory) {
		return open(window, List.of(directory));
	}

	/**
	 * Replays run directories in a job and shows them in the run views of a window: one as itself,
	 * several overlaid for comparison, in this order.
	 */
	public static Job open(IWorkbenchWindow window, List<Path> directories) {
		RunViewsModel model = window.getService(RunViewsModel.class);
		String names = directories.stream().map(d -> String.valueOf(d.getFileName())).collect(Collectors.joining(", ")); //$NON-NLS-1$
		Job job = Job.create(NLS.bind(Messages.OpenRunDirectory_job, names), monitor -> {
			RunMonitor runs = GanCore.runMonitor();
			if (runs == null) {
				return Status.error(Messages.OpenRunDirectory_noMonitor);
			}
			List<RunSession> sessions = new ArrayList<>();
			for (Path directory : directories) {
				try {
					sessions.add(runs.open(directory));
				} catch (IOException e) {
					return Status.error(NLS.bind(Messages.OpenRunDirectory_failed, directory, e.getMessage()), e);
				}
			}
			model.show(sessions);
			window.getShell().getDisplay().asyncExec(() -> revealViews(window));
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
		return job;
	}

	private static void revealViews(IWorkbenchWindow window) {
		IWorkbenchPage page = window.getActivePage();
		if (page == null || page.findView(SamplesView.ID) != null || page.findView(MetricsView.ID) != null
				|| page.findView(SingularValuesView.ID) != null) {
			return;
		}
		try {
			page.showView(SamplesView.ID);
		} catch (PartInitException e) {
			ILog.of(OpenRunDirectoryHandler.class).log(new Status(IStatus.ERROR, GanUi.PLUGIN_ID, e.getMessage(), e));
		}
	}
}
