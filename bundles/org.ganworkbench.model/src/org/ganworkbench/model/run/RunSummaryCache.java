package org.ganworkbench.model.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.json.Json.JsonException;

/**
 * Summaries of many runs without reading every log each time: reading a long run's log takes seconds,
 * and a folder of sweeps holds hundreds. The summary of an ended run is reused while its event log
 * and its labels keep their size and modification time (the log only grows, so a new event changes
 * its size); a running or unreadable run is read again each time. The cache can be kept in a file
 * between sessions. Safe for use by several threads.
 */
public final class RunSummaryCache {

	private static final int FORMAT = 1;

	/** What the summary was read from: sizes and modification times (ns) of the log and the labels; -1 when absent. */
	private record Stamp(long eventsSize, long eventsModified, long labelsSize, long labelsModified) {

		static Stamp of(RunDirectory run) {
			BasicFileAttributes events = attributes(run.events());
			BasicFileAttributes labels = attributes(run.labels());
			return new Stamp(size(events), modified(events), size(labels), modified(labels));
		}

		private static BasicFileAttributes attributes(Path file) {
			try {
				return Files.readAttributes(file, BasicFileAttributes.class);
			} catch (IOException e) {
				return null;
			}
		}

		private static long size(BasicFileAttributes file) {
			return file == null ? -1 : file.size();
		}

		private static long modified(BasicFileAttributes file) {
			return file == null ? -1 : file.lastModifiedTime().to(TimeUnit.NANOSECONDS);
		}
	}

	private record Entry(Stamp stamp, RunSummary summary) {
	}

	private final Map<Path, Entry> entries = new ConcurrentHashMap<>();

	/** The summary of a run directory: the one kept, while its files are as they were, else read now. */
	public RunSummary summary(Path directory) {
		Path key = directory.toAbsolutePath().normalize();
		// taken before reading: a log that grows meanwhile differs from it next time and is read again
		Stamp stamp = Stamp.of(new RunDirectory(key));
		Entry kept = entries.get(key);
		if (kept != null && kept.stamp().equals(stamp)) {
			return kept.summary();
		}
		RunSummary summary = RunSummary.read(key);
		if (summary.state().ended()) {
			entries.put(key, new Entry(stamp, summary));
		} else {
			entries.remove(key);
		}
		return summary;
	}

	/**
	 * The summaries of every run in a folder and the folders below it ({@link RunDirectory#findAll}),
	 * oldest first ({@link RunSummary#BY_CREATED}); runs that went from the folder are forgotten.
	 *
	 * @throws java.nio.file.NoSuchFileException when the folder does not exist
	 */
	public List<RunSummary> summaries(Path folder) throws IOException {
		Path root = folder.toAbsolutePath().normalize();
		List<RunSummary> summaries = new ArrayList<>();
		Set<Path> found = new HashSet<>();
		for (Path run : RunDirectory.findAll(root)) {
			RunSummary summary = summary(run);
			summaries.add(summary);
			found.add(summary.directory());
		}
		entries.keySet().removeIf(run -> run.startsWith(root) && !found.contains(run));
		summaries.sort(RunSummary.BY_CREATED);
		return summaries;
	}

	/** Writes the summaries kept to a JSON file, atomically. */
	public void save(Path file) throws IOException {
		List<Map<String, Object>> runs = new ArrayList<>();
		for (Entry entry : entries.values()) {
			Map<String, Object> run = new LinkedHashMap<>();
			run.put("events_size", entry.stamp().eventsSize());
			run.put("events_modified", entry.stamp().eventsModified());
			run.put("labels_size", entry.stamp().labelsSize());
			run.put("labels_modified", entry.stamp().labelsModified());
			run.put("summary", entry.summary().toJson());
			runs.add(run);
		}
		Map<String, Object> cache = new LinkedHashMap<>();
		cache.put("format", FORMAT);
		cache.put("runs", runs);
		AtomicFile.writeString(file, Json.write(cache) + "\n");
	}

	/**
	 * A cache with the summaries saved in a file. A file that is missing, of another format or
	 * corrupt gives an empty cache (the runs are read again); a damaged entry is left out.
	 */
	public static RunSummaryCache load(Path file) {
		RunSummaryCache cache = new RunSummaryCache();
		Map<String, Object> saved;
		try {
			saved = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
		} catch (IOException | JsonException e) {
			return cache;
		}
		if (Json.number(saved.get("format"), -1) != FORMAT || !(saved.get("runs") instanceof List<?> runs)) {
			return cache;
		}
		for (Object run : runs) {
			if (run instanceof Map<?, ?> entry && entry.get("summary") instanceof Map<?, ?> fields) {
				try {
					@SuppressWarnings("unchecked")
					RunSummary summary = RunSummary.fromJson((Map<String, ?>) fields);
					Stamp stamp = new Stamp(integer(entry.get("events_size")), integer(entry.get("events_modified")),
							integer(entry.get("labels_size")), integer(entry.get("labels_modified")));
					if (summary.state().ended()) {
						cache.entries.put(summary.directory().toAbsolutePath().normalize(), new Entry(stamp, summary));
					}
				} catch (RuntimeException e) {
					// a damaged entry (a bad path, no state): that run is read again
				}
			}
		}
		return cache;
	}

	/** Exactly, whether the JSON reader gave a Long (beyond 2^53) or an exact Double. */
	private static long integer(Object value) {
		if (value instanceof Number n) {
			return n.longValue();
		}
		throw new IllegalArgumentException("not a number: " + value);
	}
}
