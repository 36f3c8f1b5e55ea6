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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a run written earlier reads its whole log, however long, to find how it ended. */
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
		assertEquals(RunSession.State.FINISHED, session.state());
	}
}
