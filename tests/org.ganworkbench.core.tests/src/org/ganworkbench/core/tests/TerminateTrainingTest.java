package org.ganworkbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.ganworkbench.core.GanCore;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.core.runs.RunSession;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.model.run.RunState;
import org.ganworkbench.tests.support.TrainingLaunches;
import org.ganworkbench.tests.support.Wait;
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
		Wait.until("the monitor follows the launch", Duration.ofMinutes(1), () -> GanCore.runMonitor().sessionOf(launch) != null,
				() -> TrainingLaunches.output(launch));
		RunSession live = GanCore.runMonitor().sessionOf(launch);
		Wait.until("the run trains", Duration.ofMinutes(3),
				() -> live.events().stream().anyMatch(e -> RunEvent.METRICS.equals(e.type())),
				() -> TrainingLaunches.output(launch));

		errorLog.tolerate("Debug Core's stream reader races Terminate while the trainer prints its last lines",
				status -> "org.eclipse.debug.core".equals(status.getPlugin())
						&& status.getException() instanceof IOException e && "Stream closed".equals(e.getMessage()));
		launch.terminate();
		Wait.until("the trainer ends", Duration.ofMinutes(1), launch::isTerminated, () -> TrainingLaunches.output(launch));
		Wait.until("the session ends", Duration.ofSeconds(30), () -> !live.isLive(), () -> live.events().toString());

		RunDirectory run = new RunDirectory(directory);
		assertFalse(run.checkpointFiles().isEmpty(), () -> "a last checkpoint: " + TrainingLaunches.output(launch));
		assertEquals(RunState.INTERRUPTED, live.state(), () -> live.events().toString());
	}
}
