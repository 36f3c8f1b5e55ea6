package org.ganworkbench.model.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.json.Json.JsonException;

/**
 * Reads an append-only event log incrementally: each {@link #poll()} returns the events of the lines
 * completed since the last call. A last line without its newline is left for the next poll (the
 * trainer may be writing it, or may have been killed while writing it). A complete line that is not
 * a JSON object is skipped and reported in {@link #problems()} with its line number.
 */
public final class EventLogReader {

	private final Path file;
	private long offset;
	private int lineNumber;
	private final List<String> problems = new ArrayList<>();

	public EventLogReader(Path file) {
		this.file = file;
	}

	public synchronized List<RunEvent> poll() throws IOException {
		List<RunEvent> events = new ArrayList<>();
		if (!Files.isRegularFile(file)) {
			return events;
		}
		byte[] chunk;
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long length = in.length();
			if (length < offset) {
				// The log never shrinks; if it did, it was replaced: read it again from the start.
				offset = 0;
				lineNumber = 0;
			}
			chunk = new byte[(int) Math.min(length - offset, 64L << 20)];
			in.seek(offset);
			in.readFully(chunk);
		}
		int start = 0;
		for (int i = 0; i < chunk.length; i++) {
			if (chunk[i] == '\n') {
				lineNumber++;
				String line = new String(chunk, start, i - start, StandardCharsets.UTF_8).strip();
				if (!line.isEmpty()) {
					RunEvent event = parseLine(line, lineNumber);
					if (event != null) {
						events.add(event);
					}
				}
				start = i + 1;
			}
		}
		offset += start;
		return events;
	}

	/** Polls until the end of the log as it is now (a poll reads at most 64 MB). */
	public List<RunEvent> readAll() throws IOException {
		List<RunEvent> all = new ArrayList<>();
		for (List<RunEvent> batch = poll(); !batch.isEmpty(); batch = poll()) {
			all.addAll(batch);
		}
		return all;
	}

	/** Lines that could not be read, as "events.jsonl:LINE: reason". */
	public synchronized List<String> problems() {
		return List.copyOf(problems);
	}

	private RunEvent parseLine(String line, int number) {
		try {
			Map<String, Object> fields = Json.parseObject(line);
			Object type = fields.get("type");
			if (!(type instanceof String)) {
				problems.add(file.getFileName() + ":" + number + ": event without a \"type\"");
				return null;
			}
			long step = (long) Json.number(fields.get("step"), 0);
			return new RunEvent((String) type, step, fields, number);
		} catch (JsonException e) {
			problems.add(file.getFileName() + ":" + number + ": " + e.getMessage());
			return null;
		}
	}
}
