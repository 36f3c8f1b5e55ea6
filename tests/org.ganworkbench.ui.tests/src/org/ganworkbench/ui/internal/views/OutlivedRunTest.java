package org.ganworkbench.ui.internal.views;

import static org.ganworkbench.ui.tests.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.ganworkbench.core.GanCore;
import org.ganworkbench.core.internal.launching.OutlivedTrainers;
import org.ganworkbench.core.internal.launching.ReattachedTrainer;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.core.runs.RunSession;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.model.run.RunState;
import org.ganworkbench.tests.support.ErrorLog;
import org.ganworkbench.tests.support.TrainingLaunches;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run outlives the IDE session that launched it: the next session finds its trainer, the run
 * views follow it live, and Terminate stops it with a checkpoint. WorkbenchRestartFirstSession and
 * WorkbenchRestartSecondSession show it across two workbench processes; this test shows it within
 * one, where it can also check that a run already followed is not reattached twice. The session's
 * end is what the next session sees of it: the launch is gone, the trainer still runs.
 */
class OutlivedRunTest {

	private ErrorLog errorLog;
	private IProject project;
	private MetricsView metrics;

	@BeforeEach
	void openViews() throws Exception {
		errorLog = new ErrorLog();
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		window.getService(RunViewsModel.class).setPinned(false);
		metrics = (MetricsView) window.getActivePage().showView(MetricsView.ID);
	}

	@AfterEach
	void cleanUp() throws Exception {
		ILaunchManager launches = DebugPlugin.getDefault().getLaunchManager();
		for (ILaunch launch : launches.getLaunches()) {
			if (!launch.isTerminated()) {
				launch.terminate();
			}
		}
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		page.hideView(metrics);
		if (project != null) {
			project.delete(true, true, null);
		}
		errorLog.close();
		errorLog.assertNoErrors();
	}

	@Test
	void aTrainerThatOutlivedItsSessionIsFollowedAndTerminated() throws Exception {
		project = TrainingLaunches.smallProject("outlived-test");
		// No checkpoint interval within reach: the checkpoint found after Terminate must be the trainer's last act.
		TrainingLaunches.setModelValue(project, "training.intervals.checkpoints", "1000000");
		ILaunchManager launches = DebugPlugin.getDefault().getLaunchManager();
		ILaunch first = TrainingLaunches.configuration(project, 100_000).launch(ILaunchManager.RUN_MODE, null, true);
		RunDirectory run = new RunDirectory(Path.of(first.getAttribute(GanLaunchConstants.LAUNCH_RUN_DIRECTORY)));
		waitUntil("the run trains and records its trainer", TrainingLaunches.RUN_TIMEOUT,
				() -> Files.exists(run.process()) && TrainingLaunches.metricsCount(run) > 0, () -> TrainingLaunches.output(first));

		// The session ends: its launch goes, its trainer keeps training.
		launches.removeLaunch(first);
		assertFalse(first.isTerminated(), "the trainer outlives the launch");

		List<ILaunch> reattached = OutlivedTrainers.reattach(project.getLocation().toPath().resolve("runs"));
		assertEquals(1, reattached.size(), "the next session finds the one trainer still running");
		ILaunch launch = reattached.get(0);
		assertTrue(launch.getProcesses()[0] instanceof ReattachedTrainer);
		assertEquals(List.of(), OutlivedTrainers.reattach(project.getLocation().toPath().resolve("runs")),
				"a run followed already is not reattached twice");

		RunSession session = GanCore.runMonitor().sessionOf(launch);
		assertTrue(session != null && session.isLive(), "the run monitor follows the reattached run");
		int before = TrainingLaunches.metricsCount(run);
		waitUntil("the Metrics view draws the run's losses and follows new steps",
				() -> {
					int drawn = metrics.charts().get(0).series().isEmpty() ? 0
							: metrics.charts().get(0).series().get(0).data().size();
					return drawn > before;
				}, () -> metrics.charts().get(0).series().size() + " series, " + before + " metrics before");

		assertTrue(launch.canTerminate());
		launch.terminate();
		waitUntil("the trainer stops", TrainingLaunches.RUN_TIMEOUT, launch::isTerminated,
				() -> session.events().toString());
		waitUntil("the session ends", () -> !session.isLive(), () -> session.state().toString());
		assertEquals(RunState.INTERRUPTED, session.state(), () -> session.events().toString());
		assertFalse(run.checkpointFiles().isEmpty(), "Terminate wrote a checkpoint");
		assertFalse(Files.exists(run.process()), "an ended trainer leaves no process record");
		assertTrue(run.readEvents().stream().anyMatch(e -> RunEvent.STATUS.equals(e.type())
				&& "interrupted".equals(e.fields().get("state"))), "status interrupted");
	}
}
