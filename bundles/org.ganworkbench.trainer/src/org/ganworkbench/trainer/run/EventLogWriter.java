package org.ganworkbench.trainer.run;

import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.ganworkbench.model.json.Json;

/**
 * Appends events to events.jsonl, one JSON object per line. Each line goes to the operating system
 * in a single write, so a killed trainer leaves at most its last line incomplete, never a line torn
 * in the middle of the log. Nothing written is ever rewritten. A line the disk refused may be half
 * written: the next one starts on a line of its own, so that readers skip only the torn one.
 */
final class EventLogWriter implements Closeable {

	/**
	 * Lies between the log and the bytes appended to it (log file, stream to it): the identity, except
	 * in tests, which make an append fail as a full disk does (see AtomicFiles.streamFilter).
	 */
	static volatile BiFunction<Path, OutputStream, OutputStream> streamFilter = (log, out) -> out;

	private final Path file;
	private final OutputStream out;
	/** The last write failed, perhaps after a part of its line. */
	private boolean lineTorn;

	EventLogWriter(Path file) throws IOException {
		this.file = file;
		terminateTornLine(file);
		out = streamFilter.apply(file, new FileOutputStream(file.toFile(), true));
	}

	/**
	 * A previous trainer killed during a write may have left a line without its newline: end it, so
	 * that our first event starts a line of its own (readers report the torn line and skip it).
	 */
	private static void terminateTornLine(Path file) throws IOException {
		if (!Files.isRegularFile(file) || Files.size(file) == 0) {
			return;
		}
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "rw")) {
			in.seek(in.length() - 1);
			if (in.read() != '\n') {
				in.write('\n');
			}
		}
	}

	synchronized void append(String type, long step, Map<String, ?> fields) throws IOException {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("type", type);
		event.put("step", step);
		event.put("time", System.currentTimeMillis());
		event.putAll(fields);
		byte[] line = ((lineTorn ? "\n" : "") + Json.write(event) + "\n").getBytes(StandardCharsets.UTF_8);
		try {
			lineTorn = true;
			out.write(line);
			out.flush();
			lineTorn = false;
		} catch (IOException e) {
			throw AtomicFiles.failure("append to", file, e);
		}
	}

	@Override
	public synchronized void close() throws IOException {
		out.close();
	}
}
