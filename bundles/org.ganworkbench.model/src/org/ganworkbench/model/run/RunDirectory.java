package org.ganworkbench.model.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.json.Json.JsonException;

/**
 * The layout of a run directory, the contract between the trainer and the IDE
 * (docs/run-format.md). Everything here only reads; the trainer is the only writer (but of
 * {@link #LABELS}, the user's, see {@link UserLabels}).
 */
public final class RunDirectory {

	/** The version of the layout this reader knows, run.json's {@code format}: a newer run is not read. */
	public static final int FORMAT = 1;
	public static final String DESCRIPTION = "run.json";
	public static final String EVENTS = "events.jsonl";
	public static final String MODEL_SNAPSHOT = "model.gan";
	/** The user's name, tags and note for the run; never written by the trainer, often absent. */
	public static final String LABELS = "labels.json";
	public static final String SAMPLES = "samples";
	public static final String CHECKPOINTS = "checkpoints";
	/** Which process trains the run now; see {@link TrainerProcess}. */
	public static final String PROCESS = "process.json";
	public static final String CHECKPOINT_SUFFIX = ".ckpt";
	/** Appended to a checkpoint's name, an empty file that asks the trainer never to delete it. */
	public static final String KEEP_SUFFIX = ".keep";
	private static final Pattern CHECKPOINT_NAME = Pattern.compile("step-(\\d{9,})\\" + CHECKPOINT_SUFFIX);

	private final Path root;

	public RunDirectory(Path root) {
		this.root = root;
	}

	public Path root() {
		return root;
	}

	public Path description() {
		return root.resolve(DESCRIPTION);
	}

	public Path events() {
		return root.resolve(EVENTS);
	}

	public Path modelSnapshot() {
		return root.resolve(MODEL_SNAPSHOT);
	}

	public Path labels() {
		return root.resolve(LABELS);
	}

	public Path samples() {
		return root.resolve(SAMPLES);
	}

	public Path checkpoints() {
		return root.resolve(CHECKPOINTS);
	}

	public Path process() {
		return root.resolve(PROCESS);
	}

	public boolean exists() {
		return Files.isRegularFile(description());
	}

	public Map<String, Object> readDescription() throws IOException {
		try {
			return Json.parseObject(Files.readString(description(), StandardCharsets.UTF_8));
		} catch (JsonException e) {
			throw new IOException(description() + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Every run directory in a folder and the folders below it (sweeps nest), sorted by path; the
	 * folder itself when it is a run. A run's own subfolders are not searched, nor hidden folders
	 * ({@code .metadata}, {@code .git}), nor folders that cannot be read.
	 *
	 * @throws java.nio.file.NoSuchFileException when the folder does not exist
	 */
	public static List<Path> findAll(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			throw Files.exists(folder) ? new NotDirectoryException(folder.toString())
					: new NoSuchFileException(folder.toString(), null, "no such folder");
		}
		List<Path> runs = new ArrayList<>();
		Files.walkFileTree(folder, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
				if (!dir.equals(folder) && dir.getFileName().toString().startsWith(".")) {
					return FileVisitResult.SKIP_SUBTREE;
				}
				if (new RunDirectory(dir).exists()) {
					runs.add(dir);
					return FileVisitResult.SKIP_SUBTREE;
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException e) {
				return FileVisitResult.CONTINUE;
			}
		});
		runs.sort(null);
		return runs;
	}

	/** Complete checkpoints (never the temporary files of one being written), oldest first. */
	public List<Path> checkpointFiles() throws IOException {
		List<Path> result = new ArrayList<>();
		if (!Files.isDirectory(checkpoints())) {
			return result;
		}
		try (Stream<Path> files = Files.list(checkpoints())) {
			files.filter(p -> p.getFileName().toString().endsWith(CHECKPOINT_SUFFIX)).sorted().forEach(result::add);
		}
		return result;
	}

	/** The file name of the checkpoint of a step; zero-padded so that names sort by step. */
	public static String checkpointName(long step) {
		return String.format("step-%09d%s", step, CHECKPOINT_SUFFIX);
	}

	/** The step of a checkpoint named as the trainer names them, or -1 for any other name. */
	public static long checkpointStep(Path checkpoint) {
		Matcher name = CHECKPOINT_NAME.matcher(checkpoint.getFileName().toString());
		return name.matches() ? Long.parseLong(name.group(1)) : -1;
	}

	/** The file whose presence marks a checkpoint as one to keep (docs/run-format.md). */
	public static Path keepMarker(Path checkpoint) {
		return checkpoint.resolveSibling(checkpoint.getFileName() + KEEP_SUFFIX);
	}

	/** Reads the whole event log as it is now (for replaying a finished or killed run). */
	public List<RunEvent> readEvents() throws IOException {
		return new EventLogReader(events()).readAll();
	}

	/** Reads the whole event log as it is now, batch by batch (for a long run; see EventLogReader). */
	public void readEvents(Consumer<List<RunEvent>> batches) throws IOException {
		new EventLogReader(events()).readAll(batches);
	}
}
