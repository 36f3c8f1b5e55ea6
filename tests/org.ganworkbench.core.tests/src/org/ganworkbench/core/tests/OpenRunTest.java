package org.ganworkbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ganworkbench.core.GanCore;
import org.ganworkbench.core.runs.RunSession;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a run written earlier finds how it ended, however long its log and whatever was appended after. */
class OpenRunTest {

	@TempDir
	Path dir;

	@Test
	void aLongFinishedRunOpensAsFinished() throws Exception {
		Path log = new RunDirectory(dir).events();
		Files.createDirectories(log.getParent());
		try (Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
			// more than one batch of the event reader (4 MB), then the last status
			for (int step = 1; step <= 60_000; step++) {
				out.write("{\"type\":\"metrics\",\"step\":" + step + ",\"values\":{\"loss_d\":1.25,\"loss_g\":0.75}}\n");
			}
			out.write("{\"type\":\"status\",\"step\":60000,\"state\":\"finished\"}\n");
		}
		assertTrue(Files.size(log) > 4 << 20, "the log is longer than one batch");

		RunSession session = GanCore.runMonitor().open(dir);
		assertEquals(RunState.FINISHED, session.state());
	}

	@Test
	void aRunScoredAfterItFinishedStillOpensAsFinished() throws Exception {
		Path run = writeRun(dir.resolve("scored"), 1_000, "{\"type\":\"status\",\"step\":1000,\"state\":\"finished\"}\n"
				+ "{\"type\":\"quality\",\"step\":1000,\"fd\":12.5,\"source\":\"quality command\"}\n");
		assertEquals(RunState.FINISHED, GanCore.runMonitor().open(run).state());
	}

	@Test
	void aRunKilledLongAfterItStartedOpensAsEndedWithoutStatus() throws Exception {
		// its only status, "running", is far from the end of the log
		Path run = writeRun(dir.resolve("killed"), 60_000, "{\"type\":\"metrics\",\"step\":60001,\"val");
		assertEquals(RunState.ENDED_WITHOUT_STATUS, GanCore.runMonitor().open(run).state());
	}

	/** A run whose log holds "running", metrics for steps 1..steps, then {@code end} as it is. */
	private static Path writeRun(Path run, int steps, String end) throws Exception {
		Path log = new RunDirectory(run).events();
		Files.createDirectories(log.getParent());
		try (Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
			out.write("{\"type\":\"status\",\"step\":0,\"state\":\"running\"}\n");
			for (int step = 1; step <= steps; step++) {
				out.write("{\"type\":\"metrics\",\"step\":" + step + ",\"values\":{\"loss_d\":1.25}}\n");
			}
			out.write(end);
		}
		return run;
	}
}
