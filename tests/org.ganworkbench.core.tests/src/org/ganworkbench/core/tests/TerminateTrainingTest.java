package org.ganworkbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.ganworkbench.core.GanCore;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.core.runs.RunSession;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.junit.jupiter.api.Test;

/** The Terminate button: the trainer writes a last checkpoint, and the run reads as stopped. */
class TerminateTrainingTest extends WorkspaceProjectTest {

	@Test
	void terminateWritesACheckpointAndMarksTheRunStopped() throws Exception {
		project = TrainingLaunches.smallProject("terminate-test");
		// No checkpoint interval within reach: the one found after Terminate must be the trainer's last act.
		TrainingLaunches.setModelValue(project, "training.intervals.checkpoints", "1000000");
		ILaunch launch = TrainingLaunches.configuration(project, 100_000).launch(ILaunchManager.RUN_MODE, null, true);
		Path directory = Path.of(launch.getAttribute(GanLaunchConstants.LAUNCH_RUN_DIRECTORY));
		assertTrue(TrainingLaunches.waitFor(() -> GanCore.runMonitor().sessionOf(launch) != null, 1, TimeUnit.MINUTES));
		RunSession live = GanCore.runMonitor().sessionOf(launch);
		assertTrue(TrainingLaunches.waitFor(() -> live.events().stream().anyMatch(e -> RunEvent.METRICS.equals(e.type())),
				3, TimeUnit.MINUTES), () -> "the run trains: " + TrainingLaunches.output(launch));

		launch.terminate();
		assertTrue(TrainingLaunches.waitFor(launch::isTerminated, 1, TimeUnit.MINUTES));
		assertTrue(TrainingLaunches.waitFor(() -> !live.isLive(), 30, TimeUnit.SECONDS));

		RunDirectory run = new RunDirectory(directory);
		assertFalse(run.checkpointFiles().isEmpty(), () -> "a last checkpoint: " + TrainingLaunches.output(launch));
		assertEquals(RunSession.State.STOPPED, live.state(), () -> live.events().toString());
	}
}
