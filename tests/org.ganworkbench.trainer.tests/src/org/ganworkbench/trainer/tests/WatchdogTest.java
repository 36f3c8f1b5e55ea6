package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.trainer.monitor.Watchdog;
import org.ganworkbench.trainer.run.RunDescription;
import org.ganworkbench.trainer.run.RunWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Warnings are written once per episode, not at every wobble around a threshold. */
class WatchdogTest {

	@TempDir
	Path dir;

	@Test
	void rtHoveringAtTheThresholdWarnsOnceAndAgainOnlyAfterARecovery() throws Exception {
		try (RunWriter writer = RunWriter.create(dir, new RunDescription("m", 1, "cpu"), "model text")) {
			Watchdog watchdog = new Watchdog(writer);
			long step = 0;
			for (double rt : new double[] { 0.97, 0.93, 0.98, 0.94, 0.99 }) {
				watchdog.rt(step += 10, rt);
			}
			for (int i = 0; i < Watchdog.REARM_CHECKS; i++) {
				watchdog.rt(step += 10, 0.6);
			}
			watchdog.rt(step += 10, 0.97);
		}
		List<Long> warned = new RunDirectory(dir).readEvents().stream()
				.filter(e -> e.type().equals(RunEvent.WARNING) && "overfitting".equals(e.text("kind")))
				.map(RunEvent::step).toList();
		assertEquals(List.of(10L, 160L), warned);
	}
}
