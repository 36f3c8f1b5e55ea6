package org.ganworkbench.ui.internal.views;

import static org.ganworkbench.ui.tests.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.ganworkbench.core.GanCore;
import org.ganworkbench.core.internal.launching.ReattachedTrainer;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.core.runs.RunSession;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.model.run.RunState;
import org.ganworkbench.tests.support.TrainingLaunches;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The second workbench session on the workspace {@link WorkbenchRestartFirstSession} left behind when
 * its process halted with a run training. Nothing is called by hand: the workbench's own start finds
 * the trainer, the Metrics view follows it live, and Terminate stops it with a checkpoint.
 */
class WorkbenchRestartSecondSession {

	private Properties handoff = new Properties();

	@AfterEach
	void stopTheTrainer() {
		// Whatever failed, no trainer of this test may train on after it.
		String pid = handoff.getProperty("pid");
		if (pid != null) {
			ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

	@Test
	void theNextSessionFollowsTheRunLiveAndTerminatesIt() throws Exception {
		Path handoffFile = WorkbenchRestartFirstSession.handoffFile();
		assertTrue(Files.exists(handoffFile), "the first session ran to its end in this workspace: " + handoffFile);
		try (var in = Files.newInputStream(handoffFile)) {
			handoff.load(in);
		}
		long trainerPid = Long.parseLong(handoff.getProperty("pid"));
		RunDirectory run = new RunDirectory(Path.of(handoff.getProperty("run")));
		assertFalse(ProcessHandle.of(Long.parseLong(handoff.getProperty("workbench"))).isPresent(),
				"the first workbench process is gone");
		assertNotEquals(Long.parseLong(handoff.getProperty("workbench")), ProcessHandle.current().pid());
		assertTrue(ProcessHandle.of(trainerPid).isPresent(), "its trainer outlived it");
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("restart-test");
		assertTrue(project.isOpen(), "the workspace still holds the project");

		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		window.getService(RunViewsModel.class).setPinned(false);
		MetricsView metrics = (MetricsView) window.getActivePage().showView(MetricsView.ID);
		GanCore.runMonitor(); // the core starts with the IDE's first GAN action; its start looks for outlived trainers

		waitUntil("the new session shows the trainer as a launch", TrainingLaunches.RUN_TIMEOUT,
				() -> launchOf(run) != null,
				() -> Arrays.toString(DebugPlugin.getDefault().getLaunchManager().getLaunches()));
		ILaunch launch = launchOf(run);
		ReattachedTrainer process = (ReattachedTrainer) launch.getProcesses()[0];
		assertEquals(trainerPid, Long.parseLong(process.getAttribute(org.eclipse.debug.core.model.IProcess.ATTR_PROCESS_ID)),
				"the launch is the first session's trainer");

		RunSession session = GanCore.runMonitor().sessionOf(launch);
		assertTrue(session != null && session.isLive(), "the run monitor follows the reattached run");
		int before = TrainingLaunches.metricsCount(run);
		waitUntil("the Metrics view draws the run's losses and follows new steps", TrainingLaunches.RUN_TIMEOUT,
				() -> drawnPoints(metrics) > before,
				() -> metrics.charts().get(0).series().size() + " series, " + before + " metrics before");

		launch.terminate();
		waitUntil("the trainer stops", TrainingLaunches.RUN_TIMEOUT, launch::isTerminated, () -> session.events().toString());
		waitUntil("the session ends", () -> !session.isLive(), () -> session.state().toString());
		assertEquals(RunState.INTERRUPTED, session.state(), () -> session.events().toString());
		assertFalse(run.checkpointFiles().isEmpty(), "Terminate wrote a checkpoint");
		assertFalse(Files.exists(run.process()), "an ended trainer leaves no process record");
		assertTrue(run.readEvents().stream().anyMatch(e -> RunEvent.STATUS.equals(e.type())
				&& "interrupted".equals(e.fields().get("state"))), "status interrupted");
		window.getActivePage().hideView(metrics);
	}

	private static ILaunch launchOf(RunDirectory run) {
		for (ILaunch launch : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
			String directory = launch.getAttribute(GanLaunchConstants.LAUNCH_RUN_DIRECTORY);
			if (directory != null && Path.of(directory).equals(run.root()) && !launch.isTerminated()) {
				return launch;
			}
		}
		return null;
	}

	private static int drawnPoints(MetricsView metrics) {
		List<?> series = metrics.charts().get(0).series();
		return series.isEmpty() ? 0 : metrics.charts().get(0).series().get(0).data().size();
	}
}
