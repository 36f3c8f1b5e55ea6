package org.ganworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.ganworkbench.model.run.EventLogReader;
import org.ganworkbench.model.run.RunEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogReaderTest {

	@TempDir
	Path dir;

	@Test
	void readsCompleteLinesAndWaitsForAHalfWrittenOne() throws Exception {
		Path log = dir.resolve("events.jsonl");
		append(log, "{\"type\":\"metrics\",\"step\":10,\"values\":{\"lossD\":1.5}}\n{\"type\":\"sam");
		EventLogReader reader = new EventLogReader(log);

		List<RunEvent> first = reader.poll();
		assertEquals(1, first.size());
		assertEquals(10, first.get(0).step());
		assertEquals(1.5, (Double) first.get(0).object("values").get("lossD"));

		append(log, "ple\",\"step\":20,\"file\":\"samples/a.png\"}\n");
		List<RunEvent> second = reader.poll();
		assertEquals(1, second.size());
		assertEquals(RunEvent.SAMPLE, second.get(0).type());
		assertEquals("samples/a.png", second.get(0).text("file"));
		assertEquals(2, second.get(0).line());
		assertTrue(reader.problems().isEmpty());
	}

	@Test
	void reportsAGarbledLineWithItsNumberAndReadsOn() throws Exception {
		Path log = dir.resolve("events.jsonl");
		append(log, "{\"type\":\"status\",\"step\":0,\"state\":\"started\"}\n{oops\n{\"type\":\"status\",\"step\":5,\"state\":\"stopped\"}\n");
		List<RunEvent> events = new EventLogReader(log).poll();
		assertEquals(2, events.size());
		assertEquals("stopped", events.get(1).text("state"));
		EventLogReader reader = new EventLogReader(log);
		reader.poll();
		assertEquals(1, reader.problems().size());
		assertTrue(reader.problems().get(0).startsWith("events.jsonl:2:"), reader.problems().get(0));
	}

	@Test
	void aLongLogIsReadInBatchesInOrderWithEveryLineNumber() throws Exception {
		Path log = dir.resolve("events.jsonl");
		StringBuilder text = new StringBuilder();
		int lines = 60_000; // several batches, each parsed on every core
		for (int line = 1; line <= lines; line++) {
			text.append(line == 777 ? "{garbled\n"
					: "{\"type\":\"metrics\",\"step\":" + line + ",\"values\":{\"loss_d\":" + line / 8f + "}}\n");
		}
		String huge = "x".repeat(5 << 20); // one line longer than a batch
		text.append("{\"type\":\"warning\",\"step\":1,\"message\":\"" + huge + "\"}\n");
		append(log, text.toString());

		EventLogReader reader = new EventLogReader(log);
		List<Integer> sizes = new ArrayList<>();
		List<RunEvent> events = new ArrayList<>();
		reader.readAll(batch -> {
			sizes.add(batch.size());
			events.addAll(batch);
		});
		assertTrue(sizes.size() > 1, sizes::toString);
		assertEquals(lines, events.size());
		for (int i = 0; i < lines - 1; i++) {
			int line = i < 776 ? i + 1 : i + 2;
			assertEquals(line, events.get(i).line());
			assertEquals(line, events.get(i).step());
			assertEquals(line / 8f, events.get(i).object("values").get("loss_d") instanceof Double d ? d.floatValue() : -1);
		}
		assertEquals(huge.length(), events.get(lines - 1).text("message").length());
		assertEquals(List.of("events.jsonl:777: expected a quoted key at character 2"), reader.problems());
	}

	@Test
	void theLastStatusIsFoundInTheTailPastGarbledAndHalfWrittenLines() throws Exception {
		Path log = dir.resolve("events.jsonl");
		StringBuilder text = new StringBuilder("{\"type\":\"status\",\"step\":0,\"state\":\"running\"}\n");
		for (int step = 1; step <= 2000; step++) {
			text.append("{\"type\":\"metrics\",\"step\":").append(step).append(",\"values\":{\"loss_d\":1.5}}\n");
		}
		text.append("{\"type\":\"status\",\"step\":2000,\"state\":\"finished\"}\n");
		text.append("{\"type\":\"status\" garbled\n{\"type\":\"status\",\"step\":2001,\"state\":\"runn");
		append(log, text.toString());

		RunEvent status = EventLogReader.lastInTail(log, RunEvent.STATUS, 4096);
		assertEquals("finished", status.text("state"));
		assertEquals(2000, status.step());
		// the tail ends before the only other status: none there, not the first line's
		assertEquals(null, EventLogReader.lastInTail(dir.resolve("none.jsonl"), RunEvent.STATUS, 4096));
		Files.writeString(log, text.substring(0, text.indexOf("{\"type\":\"status\",\"step\":2000")));
		assertEquals(null, EventLogReader.lastInTail(log, RunEvent.STATUS, 4096));
	}

	@Test
	void aMissingLogIsAnEmptyRun() throws Exception {
		assertTrue(new EventLogReader(dir.resolve("none.jsonl")).poll().isEmpty());
	}

	private static void append(Path file, String text) throws Exception {
		Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}
}
