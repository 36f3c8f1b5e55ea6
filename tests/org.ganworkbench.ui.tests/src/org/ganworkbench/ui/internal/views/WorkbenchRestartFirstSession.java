package org.ganworkbench.ui.internal.views;

import static org.ganworkbench.ui.tests.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.model.run.TrainerProcess;
import org.ganworkbench.tests.support.TrainingLaunches;
import org.junit.jupiter.api.Test;

/**
 * The first of two workbench sessions on one workspace (the pom runs it in an execution of its own,
 * then {@link WorkbenchRestartSecondSession} in a new workbench on the same workspace). It launches
 * a long run and, while the run trains, ends the workbench the way a crash or a kill does: the
 * process halts, nothing shuts down, so no one terminates the launch. The trainer trains on.
 */
class WorkbenchRestartFirstSession {

	/** What the second session needs to know of the first; written only when the first got this far. */
	static final String HANDOFF = "restart-handoff.properties";

	@Test
	void aRunTrainsWhenTheWorkbenchProcessEnds() throws Exception {
		IProject project = TrainingLaunches.smallProject("restart-test");
		// No checkpoint before Terminate: the one the second session finds must be the trainer's last act.
		TrainingLaunches.setModelValue(project, "training.intervals.checkpoints", "1000000");
		ILaunch launch = TrainingLaunches.configuration(project, 100_000).launch(ILaunchManager.RUN_MODE, null, true);
		RunDirectory run = new RunDirectory(Path.of(launch.getAttribute(GanLaunchConstants.LAUNCH_RUN_DIRECTORY)));
		waitUntil("the run trains and records its trainer", TrainingLaunches.RUN_TIMEOUT,
				() -> Files.exists(run.process()) && TrainingLaunches.metricsCount(run) > 0, () -> TrainingLaunches.output(launch));
		TrainerProcess trainer = TrainerProcess.read(run).orElseThrow();
		assertTrue(ProcessHandle.of(trainer.pid()).isPresent(), "the recorded trainer runs");
		assertEquals(ProcessHandle.current().pid(),
				ProcessHandle.of(trainer.pid()).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L),
				"this workbench started the trainer");

		// What an IDE has saved by the time it dies (it snapshots the workspace every few minutes).
		ResourcesPlugin.getWorkspace().save(true, null);
		Properties handoff = new Properties();
		handoff.setProperty("run", run.root().toString());
		handoff.setProperty("pid", Long.toString(trainer.pid()));
		handoff.setProperty("workbench", Long.toString(ProcessHandle.current().pid()));
		try (var out = Files.newOutputStream(handoffFile())) {
			handoff.store(out, "written by WorkbenchRestartFirstSession just before it halted");
		}
		// The session ends abruptly: no workbench shutdown, no launch manager shutdown. Exit status 0
		// tells Tycho the session ran as planned; every failure above throws before this line.
		Runtime.getRuntime().halt(0);
	}

	static Path handoffFile() {
		return ResourcesPlugin.getWorkspace().getRoot().getLocation().toPath().resolve(HANDOFF);
	}
}
