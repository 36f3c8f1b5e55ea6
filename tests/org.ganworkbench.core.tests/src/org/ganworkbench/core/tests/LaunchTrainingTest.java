package org.ganworkbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.ganworkbench.core.GanCore;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.core.runs.RunSession;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.model.run.RunState;
import org.ganworkbench.tests.support.TrainingLaunches;
import org.ganworkbench.tests.support.Wait;
import org.junit.jupiter.api.Test;

/** A real training run, launched from a launch configuration in the test workbench. */
class LaunchTrainingTest extends WorkspaceProjectTest {

	@Test
	void aLaunchTrainsAndTheMonitorFollowsTheRun() throws Exception {
		project = TrainingLaunches.smallProject("launch-test");
		ILaunchConfiguration configuration = TrainingLaunches.configuration(project, 4);

		// As Run As does: build first, so that the custom layer is compiled.
		ILaunch launch = configuration.launch(ILaunchManager.RUN_MODE, null, true);
		String directory = launch.getAttribute(GanLaunchConstants.LAUNCH_RUN_DIRECTORY);
		assertNotNull(directory, "the launch names its run directory");
		assertTrue(directory.startsWith(project.getLocation().append("runs").toOSString()), directory);

		Wait.until("the trainer ends", TrainingLaunches.RUN_TIMEOUT, launch::isTerminated, () -> TrainingLaunches.output(launch));
		IProcess process = launch.getProcesses()[0];
		assertEquals(0, process.getExitValue(), () -> TrainingLaunches.output(launch));

		RunDirectory run = new RunDirectory(Path.of(directory));
		assertTrue(run.exists(), "run.json is written");
		assertTrue(Files.isRegularFile(run.modelSnapshot()), "the model is snapshotted");
		assertTrue(!run.checkpointFiles().isEmpty(), "a checkpoint is written");
		try (var samples = Files.list(run.samples())) {
			assertTrue(samples.anyMatch(p -> p.toString().endsWith(".png")), "sample grids are written");
		}

		RunSession session = GanCore.runMonitor().sessionOf(launch);
		assertTrue(session == null || !session.isLive(), "the session ended with the launch");
		RunSession followed = GanCore.runMonitor().sessions().stream()
				.filter(s -> s.directory().root().equals(Path.of(directory).toAbsolutePath().normalize())).findFirst()
				.orElseThrow(() -> new AssertionError("the monitor follows the launched run"));
		List<RunEvent> events = followed.events();
		assertTrue(events.stream().anyMatch(e -> RunEvent.METRICS.equals(e.type())), "metrics were read: " + events);
		assertEquals(RunState.FINISHED, followed.state(), "the run finished: " + events);
	}
}
