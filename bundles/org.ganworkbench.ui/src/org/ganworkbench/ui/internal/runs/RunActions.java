package org.ganworkbench.ui.internal.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.util.Throttler;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.core.runs.RunCatalog;
import org.ganworkbench.core.runs.RunTrash;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunState;
import org.ganworkbench.model.run.RunSummary;
import org.ganworkbench.model.run.UserLabels;
import org.ganworkbench.ui.internal.views.OpenRunDirectoryHandler;
import org.osgi.service.prefs.BackingStoreException;

/**
 * What the Runs view does with runs: show one in the run views or overlay several, open its model
 * snapshot, resume it as a launch, label it, delete it, export the table, add a folder to search. Every change goes
 * beside a run (labels.json) or removes it whole; no run's own files are rewritten.
 */
final class RunActions {

	/** Most runs compared at once: past ten, colours repeat and the legend hides the charts. */
	static final int MOST_COMPARED = 10;
	/** A shift-click or a drag selects through many rows: compare once it rests. */
	private static final Duration COMPARE_DELAY = Duration.ofMillis(300);

	private final RunsView view;
	private final Throttler compareSoon;

	RunActions(RunsView view) {
		this.view = view;
		compareSoon = new Throttler(view.getSite().getShell().getDisplay(), COMPARE_DELAY, this::compareSelected);
	}

	/** Several runs selected are overlaid in the run views; one run is shown on a double-click. */
	void selectionChanged() {
		if (comparable(view.selectedRuns()).size() > 1) {
			compareSoon.throttledExec();
		}
	}

	private void compareSelected() {
		List<Path> runs = comparable(view.selectedRuns()).stream().map(RunSummary::directory).toList();
		if (runs.size() > 1) {
			OpenRunDirectoryHandler.open(view.getSite().getWorkbenchWindow(), runs);
		}
	}

	private static List<RunSummary> comparable(List<RunSummary> runs) {
		return runs.stream().filter(r -> r.state() != RunState.UNREADABLE).limit(MOST_COMPARED).toList();
	}

	void fillContextMenu(IMenuManager menu) {
		List<RunSummary> runs = view.selectedRuns();
		boolean one = runs.size() == 1;
		boolean readable = runs.stream().noneMatch(r -> r.state() == RunState.UNREADABLE);
		boolean ended = runs.stream().allMatch(r -> r.state() != RunState.RUNNING);
		menu.add(enabled(RunsView.action(Messages.RunActions_show, this::showInRunViews), one && readable));
		menu.add(enabled(RunsView.action(Messages.RunActions_compare, this::compareSelected),
				comparable(runs).size() > 1));
		menu.add(enabled(RunsView.action(Messages.RunActions_openModel, this::openModel), one));
		menu.add(new Separator());
		menu.add(enabled(RunsView.action(Messages.RunActions_resumeLatest, () -> resume(false)), one && readable && ended));
		menu.add(enabled(RunsView.action(Messages.RunActions_resumeBest, () -> resume(true)),
				one && readable && ended && !Double.isNaN(runs.get(0).bestFd())));
		menu.add(new Separator());
		menu.add(enabled(RunsView.action(Messages.RunActions_labels, this::editLabels), one));
		menu.add(enabled(RunsView.action(Messages.RunActions_delete, this::delete), !runs.isEmpty() && ended));
		menu.add(new Separator());
		menu.add(RunsView.action(Messages.RunsView_exportCsv, this::exportCsv));
	}

	private static org.eclipse.jface.action.Action enabled(org.eclipse.jface.action.Action action, boolean enabled) {
		action.setEnabled(enabled);
		return action;
	}

	private Shell shell() {
		return view.getSite().getShell();
	}

	private RunSummary selected() {
		List<RunSummary> runs = view.selectedRuns();
		return runs.size() == 1 ? runs.get(0) : null;
	}

	void showInRunViews() {
		RunSummary run = selected();
		if (run != null && run.state() != RunState.UNREADABLE) {
			IWorkbenchWindow window = view.getSite().getWorkbenchWindow();
			OpenRunDirectoryHandler.open(window, run.directory());
		}
	}

	private void openModel() {
		RunSummary run = selected();
		if (run == null) {
			return;
		}
		Path model = new RunDirectory(run.directory()).modelSnapshot();
		try {
			IDE.openEditorOnFileStore(view.getSite().getPage(), EFS.getLocalFileSystem().getStore(IPath.fromPath(model)));
		} catch (PartInitException e) {
			MessageDialog.openError(shell(), Messages.RunActions_openModel, e.getMessage());
		}
	}

	/** A GAN Training launch that continues the run from its latest checkpoint, or from its best by FD. */
	private void resume(boolean best) {
		RunSummary run = selected();
		if (run == null) {
			return;
		}
		try {
			Path checkpoint = checkpoint(run, best);
			IContainer[] containers = ResourcesPlugin.getWorkspace().getRoot()
					.findContainersForLocationURI(run.directory().toUri());
			if (containers.length == 0) {
				MessageDialog.openError(shell(), Messages.RunActions_resumeTitle,
						NLS.bind(Messages.RunActions_notInProject, run.directory()));
				return;
			}
			ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
			ILaunchConfigurationType type = manager.getLaunchConfigurationType(GanLaunchConstants.LAUNCH_TYPE_ID);
			ILaunchConfigurationWorkingCopy resume = type.newInstance(null,
					manager.generateLaunchConfigurationName(NLS.bind(Messages.RunActions_resumeName, run.name())));
			resume.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, containers[0].getProject().getName());
			resume.setAttribute(GanLaunchConstants.ATTR_RESUME_CHECKPOINT, checkpoint.toString());
			resume.setAttribute(GanLaunchConstants.ATTR_STEPS, (int) Math.min(Integer.MAX_VALUE, Math.max(0, run.plannedSteps())));
			DebugUITools.launch(resume.doSave(), ILaunchManager.RUN_MODE);
		} catch (IOException | CoreException e) {
			MessageDialog.openError(shell(), Messages.RunActions_resumeTitle, e.getMessage());
		}
	}

	private static Path checkpoint(RunSummary run, boolean best) throws IOException {
		List<Path> checkpoints = new RunDirectory(run.directory()).checkpointFiles();
		if (best) {
			return checkpoints.stream().filter(c -> RunDirectory.checkpointStep(c) == run.bestFdStep()).findFirst()
					.orElseThrow(() -> new IOException(NLS.bind(Messages.RunActions_noBestCheckpoint, run.bestFdStep())));
		}
		if (checkpoints.isEmpty()) {
			throw new IOException(NLS.bind(Messages.RunActions_noCheckpoint, run.directory()));
		}
		return checkpoints.get(checkpoints.size() - 1);
	}

	private void editLabels() {
		RunSummary run = selected();
		if (run == null) {
			return;
		}
		try {
			UserLabels labels = UserLabels.read(run.directory());
			LabelsDialog dialog = new LabelsDialog(shell(), run.directory().getFileName().toString(), labels);
			if (dialog.open() == LabelsDialog.OK) {
				dialog.labels().write(run.directory());
				view.refresh();
			}
		} catch (IOException e) {
			MessageDialog.openError(shell(), Messages.RunActions_labels, e.getMessage());
		}
	}

	private void delete() {
		List<RunSummary> runs = view.selectedRuns();
		if (runs.isEmpty() || runs.stream().anyMatch(r -> r.state() == RunState.RUNNING)) {
			return;
		}
		String names = runs.stream().map(RunSummary::name).collect(Collectors.joining("\n")); //$NON-NLS-1$
		boolean trash = runs.stream().allMatch(r -> RunTrash.canTrash(r.directory()));
		String question = NLS.bind(trash ? Messages.RunActions_deleteToTrash : Messages.RunActions_deleteForGood, names);
		if (!MessageDialog.openConfirm(shell(), Messages.RunActions_deleteTitle, question)) {
			return;
		}
		for (RunSummary run : runs) {
			try {
				if (trash) {
					RunTrash.moveToTrash(run.directory());
				} else {
					RunTrash.delete(run.directory());
				}
			} catch (IOException e) {
				MessageDialog.openError(shell(), Messages.RunActions_deleteTitle,
						NLS.bind(Messages.RunActions_deleteFailed, run.directory(), e.getMessage()));
				break;
			}
		}
		view.refresh();
	}

	void exportCsv() {
		FileDialog dialog = new FileDialog(shell(), SWT.SAVE);
		dialog.setFilterExtensions(new String[] { "*.csv" }); //$NON-NLS-1$
		dialog.setFileName("runs.csv"); //$NON-NLS-1$
		dialog.setOverwrite(true);
		String file = dialog.open();
		if (file == null) {
			return;
		}
		try {
			view.writeCsv(Path.of(file));
		} catch (IOException e) {
			MessageDialog.openError(shell(), Messages.RunsView_exportCsv, e.getMessage());
		}
	}

	void addFolder() {
		DirectoryDialog dialog = new DirectoryDialog(shell());
		dialog.setMessage(Messages.RunActions_addFolderMessage);
		String folder = dialog.open();
		if (folder == null) {
			return;
		}
		try {
			RunCatalog.addFolder(Path.of(folder));
			view.refresh();
		} catch (BackingStoreException e) {
			MessageDialog.openError(shell(), Messages.RunsView_addFolder, e.getMessage());
		}
	}
}
