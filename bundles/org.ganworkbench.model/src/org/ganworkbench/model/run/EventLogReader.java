package org.ganworkbench.model.run;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.json.Json.JsonException;

/**
 * Reads an append-only event log incrementally: each {@link #poll()} returns the events of the lines
 * completed since the last call. A last line without its newline is left for the next poll (the
 * trainer may be writing it, or may have been killed while writing it). A complete line that is not
 * a JSON object is skipped and reported in {@link #problems()} with its line number.
 */
public final class EventLogReader {

	/**
	 * A poll reads at most this much: the events of a batch die young, so a reader of a long log (who
	 * folds each batch into what it keeps) never holds millions of parsed events.
	 */
	private static final int MAX_CHUNK = 4 << 20;
	private static final int PARALLEL_LINES = 1000;

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
		byte[] chunk = readChunk();
		// ends[i] is the newline of line i; line i starts one past ends[i - 1]
		int[] ends = IntStream.range(0, chunk.length).filter(i -> chunk[i] == '\n').toArray();
		int start = ends.length == 0 ? 0 : ends[ends.length - 1] + 1;
		// Opening a long run parses megabytes at a time: on every core. A live run's few lines: here.
		int first = lineNumber + 1;
		Object[] parsed = new Object[ends.length];
		IntStream indices = IntStream.range(0, parsed.length);
		(parsed.length > PARALLEL_LINES ? indices.parallel() : indices).forEach(
				i -> parsed[i] = parseLine(chunk, i == 0 ? 0 : ends[i - 1] + 1, ends[i], first + i));
		for (Object result : parsed) {
			if (result instanceof RunEvent event) {
				events.add(event);
			} else if (result instanceof String problem) {
				problems.add(problem);
			}
		}
		lineNumber += parsed.length;
		offset += start;
		return events;
	}

	/** What follows the offset, at least one whole line when there is one, else at most MAX_CHUNK. */
	private byte[] readChunk() throws IOException {
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long length = in.length();
			if (length < offset) {
				// The log never shrinks; if it did, it was replaced: read it again from the start.
				offset = 0;
				lineNumber = 0;
			}
			for (long size = MAX_CHUNK;; size *= 2) {
				byte[] chunk = new byte[(int) Math.min(length - offset, size)];
				in.seek(offset);
				in.readFully(chunk);
				if (chunk.length < size || indexOf(chunk, (byte) '\n') >= 0 || size >= Integer.MAX_VALUE / 4) {
					return chunk;
				}
			}
		}
	}

	private static int indexOf(byte[] bytes, byte b) {
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == b) {
				return i;
			}
		}
		return -1;
	}

	/** Polls until the end of the log as it is now. */
	public List<RunEvent> readAll() throws IOException {
		List<RunEvent> all = new ArrayList<>();
		readAll(all::addAll);
		return all;
	}

	/**
	 * Polls until the end of the log as it is now, handing over the events batch by batch: who folds
	 * each batch into what they keep never holds a long run's millions of events at once.
	 */
	public void readAll(Consumer<List<RunEvent>> batches) throws IOException {
		while (true) {
			long before = offset;
			List<RunEvent> batch = poll();
			if (!batch.isEmpty()) {
				batches.accept(batch);
			}
			if (offset == before) {
				return;
			}
		}
	}

	/**
	 * The last complete event of {@code type} in the last {@code tailBytes} of a log, or null when
	 * there is none there (or no log): an ended run's final status without parsing its millions of
	 * lines. Unreadable lines are passed over; the event's line number is unknown (-1).
	 */
	public static RunEvent lastInTail(Path file, String type, int tailBytes) throws IOException {
		if (!Files.isRegularFile(file)) {
			return null;
		}
		byte[] tail;
		long from;
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			from = Math.max(0, in.length() - tailBytes);
			tail = new byte[(int) (in.length() - from)];
			in.seek(from);
			in.readFully(tail);
		}
		// complete lines only: from the end of the last newline back to the first one read
		int end = tail.length;
		while (end > 0 && tail[end - 1] != '\n') {
			end--;
		}
		while (end > 0) {
			int start = end - 1;
			while (start > 0 && tail[start - 1] != '\n') {
				start--;
			}
			if (start == 0 && from > 0) {
				return null; // the first line read may have begun before the tail
			}
			String line = new String(tail, start, end - 1 - start, StandardCharsets.UTF_8).strip();
			if (line.contains(type)) {
				try {
					Map<String, Object> fields = Json.parseObject(line);
					if (type.equals(fields.get("type"))) {
						return new RunEvent(type, (long) Json.number(fields.get("step"), 0), fields, -1);
					}
				} catch (JsonException e) {
					// a garbled line: the one before may still tell
				}
			}
			end = start;
		}
		return null;
	}

	/** Lines that could not be read, as "events.jsonl:LINE: reason". */
	public synchronized List<String> problems() {
		return List.copyOf(problems);
	}

	/** The event of a line, or a problem's text, or null for a blank line. */
	private Object parseLine(byte[] chunk, int from, int to, int number) {
		String line = new String(chunk, from, to - from, StandardCharsets.UTF_8).strip();
		if (line.isEmpty()) {
			return null;
		}
		try {
			Map<String, Object> fields = Json.parseObject(line);
			Object type = fields.get("type");
			if (!(type instanceof String)) {
				return file.getFileName() + ":" + number + ": event without a \"type\"";
			}
			long step = (long) Json.number(fields.get("step"), 0);
			return new RunEvent((String) type, step, fields, number);
		} catch (JsonException e) {
			return file.getFileName() + ":" + number + ": " + e.getMessage();
		}
	}
}
