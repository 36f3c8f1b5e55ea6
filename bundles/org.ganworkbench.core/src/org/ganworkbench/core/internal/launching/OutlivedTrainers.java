package org.ganworkbench.core.internal.launching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.Launch;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.core.projects.GanProjects;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.TrainerProcess;

/**
 * Runs outlive the IDE on purpose (a long run should not die with a window). When the core starts,
 * this Declarative Services component (OSGI-INF/outlivedTrainers.xml) looks in the GAN projects'
 * runs/ folders for trainers still running on this host and shows each as a launch, so the run views
 * follow it live and Terminate stops it with a checkpoint. It starts after the run monitor, which it
 * references, so that the monitor sees the launches it adds.
 */
public final class OutlivedTrainers {

	/** runs/RUN, runs/SWEEP/TRIAL: deep enough for sweeps, without walking into a run's own folders. */
	private static final int MAX_DEPTH = 3;

	public void activate() {
		Job job = Job.create(Messages.OutlivedTrainers_job, this::reattachInWorkspace);
		job.setSystem(true);
		job.schedule();
	}

	private IStatus reattachInWorkspace(IProgressMonitor monitor) {
		IStatus result = Status.OK_STATUS;
		for (Path runs : GanProjects.runFolders()) {
			if (monitor.isCanceled()) {
				return Status.CANCEL_STATUS;
			}
			try {
				reattach(runs);
			} catch (IOException e) {
				// one unreadable folder must not hide the runs of the others
				result = Status.warning(e.getMessage(), e);
			}
		}
		return result;
	}

	/** Shows every trainer still running under {@code runs} as a launch; returns the launches added. */
	public static List<ILaunch> reattach(Path runs) throws IOException {
		List<ILaunch> added = new ArrayList<>();
		if (!Files.isDirectory(runs)) {
			return added;
		}
		String host = TrainerProcess.localHost();
		List<Path> candidates;
		try (Stream<Path> found = Files.find(runs, MAX_DEPTH,
				(path, attributes) -> path.getFileName().toString().equals(RunDirectory.PROCESS))) {
			candidates = found.map(Path::getParent).toList();
		}
		for (Path run : candidates) {
			Optional<ProcessHandle> trainer = TrainerProcess.read(new RunDirectory(run)).flatMap(t -> t.liveTrainer(host));
			if (trainer.isPresent() && !followed(run)) {
				added.add(reattach(run, trainer.get()));
			}
		}
		return added;
	}

	private static ILaunch reattach(Path run, ProcessHandle trainer) {
		ILaunch launch = new Launch(null, ILaunchManager.RUN_MODE, null);
		// Before the launch is added: the run monitor follows launches that name their run directory.
		launch.setAttribute(GanLaunchConstants.LAUNCH_RUN_DIRECTORY, run.toString());
		new ReattachedTrainer(trainer, launch, run.getFileName().toString());
		DebugPlugin.getDefault().getLaunchManager().addLaunch(launch);
		return launch;
	}

	/** A run this IDE launched (or reattached) itself is not reattached again. */
	private static boolean followed(Path run) {
		Path key = run.toAbsolutePath().normalize();
		for (ILaunch launch : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
			String directory = launch.getAttribute(GanLaunchConstants.LAUNCH_RUN_DIRECTORY);
			if (!launch.isTerminated() && directory != null
					&& Path.of(directory).toAbsolutePath().normalize().equals(key)) {
				return true;
			}
		}
		return false;
	}
}
