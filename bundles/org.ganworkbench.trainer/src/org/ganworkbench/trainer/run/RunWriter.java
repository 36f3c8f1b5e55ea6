package org.ganworkbench.trainer.run;

import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.model.run.TrainerProcess;

/**
 * The only writer of a run directory (docs/run-format.md): run.json and model.gan once, events
 * appended, samples and checkpoints as whole files that appear atomically.
 */
public final class RunWriter implements Closeable {

	private final RunDirectory layout;
	private final EventLogWriter events;
	private final CheckpointRetention retention;
	/** The step of the checkpoint this writer wrote last; -1 before the first. */
	private long newestCheckpoint = -1;

	private RunWriter(RunDirectory layout) throws IOException {
		this.layout = layout;
		Files.createDirectories(layout.samples());
		Files.createDirectories(layout.checkpoints());
		this.events = new EventLogWriter(layout.events());
		this.retention = new CheckpointRetention(layout);
	}

	/** Starts a new run; refuses a directory that already holds one, so that no run is overwritten. */
	public static RunWriter create(Path root, RunDescription description, String modelText) throws IOException {
		RunDirectory layout = new RunDirectory(root);
		if (layout.exists()) {
			throw new IOException(root + " already holds a run (" + RunDirectory.DESCRIPTION
					+ " exists); resume it or choose another directory");
		}
		Files.createDirectories(root);
		AtomicFiles.writeString(layout.modelSnapshot(), modelText);
		// run.json last: its presence says the directory is a run with its model snapshot in place.
		AtomicFiles.writeString(layout.description(), Json.write(description.fields()) + "\n");
		return new RunWriter(layout);
	}

	/** Continues an existing run: appends to its log, adds samples and checkpoints. */
	public static RunWriter reopen(Path root) throws IOException {
		RunDirectory layout = new RunDirectory(root);
		if (!layout.exists()) {
			throw new IOException(root + " is not a run directory (no " + RunDirectory.DESCRIPTION + ")");
		}
		return new RunWriter(layout);
	}

	public RunDirectory layout() {
		return layout;
	}

	/** Records this process as the run's trainer, so that an IDE started later can find and stop it. */
	public void markProcess() throws IOException {
		AtomicFiles.writeString(layout.process(), TrainerProcess.current().toJson());
	}

	/** The run has no trainer any more: this one is ending. */
	public void clearProcess() throws IOException {
		Files.deleteIfExists(layout.process());
	}

	public void status(long step, String state, String message) throws IOException {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("state", state);
		if (message != null) {
			fields.put("message", message);
		}
		events.append(RunEvent.STATUS, step, fields);
	}

	public void status(long step, String state, String message, Map<String, ?> extra) throws IOException {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("state", state);
		if (message != null) {
			fields.put("message", message);
		}
		fields.putAll(extra);
		events.append(RunEvent.STATUS, step, fields);
	}

	/** Written at float precision: the values are means of float32 results, and short numbers read fast. */
	public void metrics(long step, Map<String, Double> values) throws IOException {
		Map<String, Float> floats = new LinkedHashMap<>();
		values.forEach((key, value) -> floats.put(key, value.floatValue()));
		events.append(RunEvent.METRICS, step, Map.of("values", floats));
	}

	/** One entry per weight: network, layer, shape [out, in*k*k], sigma (largest first). */
	public void sigma(long step, List<Map<String, Object>> layers) throws IOException {
		events.append(RunEvent.SIGMA, step, Map.of("layers", layers));
	}

	/** Sample-quality metrics of the EMA generator (FD, KID, precision, recall, class coverage). */
	public void quality(long step, Map<String, ?> fields) throws IOException {
		events.append(RunEvent.QUALITY, step, fields);
		retention.scored(step, fields.get("fd"));
	}

	public void warning(long step, String kind, String message, Map<String, ?> extra) throws IOException {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("kind", kind);
		fields.put("message", message);
		fields.putAll(extra);
		events.append(RunEvent.WARNING, step, fields);
		if (kind.equals("quality")) {
			// a failed evaluation: the step waits for its FD no more
			retention.scored(step, null);
		}
	}

	public static String sampleName(long step, double truncation) {
		return String.format(Locale.ROOT, "step-%09d-t%.2f.png", step, truncation);
	}

	/** Writes a sample grid, then the event that announces it (so the file exists when read). */
	public Path sample(long step, double truncation, BufferedImage grid, int count) throws IOException {
		Path file = layout.samples().resolve(sampleName(step, truncation));
		ImageGrid.writePng(grid, file);
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("file", RunDirectory.SAMPLES + "/" + file.getFileName());
		fields.put("truncation", truncation);
		fields.put("count", count);
		fields.put("width", grid.getWidth());
		fields.put("height", grid.getHeight());
		events.append(RunEvent.SAMPLE, step, fields);
		return file;
	}

	/** Writes a checkpoint atomically, announces it, then deletes the checkpoints no longer kept. */
	public Path checkpoint(Checkpoint checkpoint) throws IOException {
		Path file = layout.checkpoints().resolve(RunDirectory.checkpointName(checkpoint.step()));
		CheckpointFile.write(file, checkpoint);
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("file", relativeName(file));
		fields.put("bytes", Files.size(file));
		events.append(RunEvent.CHECKPOINT, checkpoint.step(), fields);
		newestCheckpoint = checkpoint.step();
		deleteSurplusCheckpoints();
		return file;
	}

	/**
	 * How many of the newest checkpoints to keep besides the best by FD and the marked ones
	 * (training.keep_checkpoints); 0, the default, keeps all.
	 */
	public void keepCheckpoints(int count) {
		retention.keep(count);
	}

	/** A quality evaluation of the step is queued: its checkpoint stays at least until the FD is known. */
	public void qualityQueued(long step) {
		retention.awaitScore(step);
	}

	/** No more quality evaluations come: the checkpoints that waited for one may go. */
	public void qualityEnded() throws IOException {
		retention.stopAwaitingScores();
		deleteSurplusCheckpoints();
	}

	/**
	 * Deleted first, announced after (as files are announced once complete): a crash in between
	 * leaves a checkpoint event whose file is gone, which readers meet anyway (the directory listing
	 * is the truth), never a deletion announced for a file that is still there.
	 */
	private void deleteSurplusCheckpoints() throws IOException {
		if (newestCheckpoint < 0) {
			return;
		}
		for (Path file : retention.surplus(newestCheckpoint)) {
			try {
				Files.delete(file);
			} catch (IOException e) {
				// held open or gone already: it stays (or stays gone) and is looked at again next time
				continue;
			}
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("file", relativeName(file));
			fields.put("reason", "not among the newest " + retention.keep() + ", not the best by FD, not marked "
					+ RunDirectory.KEEP_SUFFIX);
			events.append(RunEvent.CHECKPOINT_DELETED, RunDirectory.checkpointStep(file), fields);
		}
	}

	private static String relativeName(Path checkpoint) {
		return RunDirectory.CHECKPOINTS + "/" + checkpoint.getFileName();
	}

	@Override
	public void close() throws IOException {
		events.close();
	}
}
