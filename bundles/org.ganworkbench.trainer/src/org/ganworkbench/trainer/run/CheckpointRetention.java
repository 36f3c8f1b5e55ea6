package org.ganworkbench.trainer.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;

/**
 * Which checkpoints a run no longer needs (training.keep_checkpoints, docs/run-format.md): all but the
 * newest K, the best by FD, those marked with a ".keep" file and those whose quality evaluation is
 * queued (one of them may turn out best). It only decides; {@link RunWriter} deletes.
 */
final class CheckpointRetention {

	private final RunDirectory layout;
	/** 0 = keep all: the default, so that writers other than a training session never delete. */
	private int keep;
	/** Steps whose quality evaluation is queued or under way. */
	private final Set<Long> awaitingScore = new HashSet<>();
	/** FD by step; read from the log when first needed (a resumed run's earlier evaluations count). */
	private Map<Long, Double> fds;

	CheckpointRetention(RunDirectory layout) {
		this.layout = layout;
	}

	synchronized void keep(int count) {
		keep = count;
	}

	synchronized int keep() {
		return keep;
	}

	synchronized void awaitScore(long step) {
		awaitingScore.add(step);
	}

	synchronized void stopAwaitingScores() {
		awaitingScore.clear();
	}

	/**
	 * The evaluation of a step ended, with an FD or without one (it failed). Earlier steps wait no
	 * more either: the monitor evaluates in order and drops a waiting step for a newer one.
	 */
	synchronized void scored(long step, Object fd) {
		awaitingScore.removeIf(awaiting -> awaiting <= step);
		if (fds != null) {
			record(fds, step, fd);
		}
	}

	/** The checkpoints older than {@code newest} that may go, oldest first; never {@code newest} itself. */
	synchronized List<Path> surplus(long newest) throws IOException {
		List<Path> surplus = new ArrayList<>();
		if (keep == 0) {
			return surplus;
		}
		List<Path> all = layout.checkpointFiles();
		// A checkpoint beyond the newest is an earlier timeline's (resumed from further back): it is
		// overwritten when training gets there, not counted here.
		List<Path> older = all.stream().filter(f -> step(f) >= 0 && step(f) < newest).toList();
		Path best = bestByFd(all);
		for (Path file : older.subList(0, Math.max(0, older.size() - (keep - 1)))) {
			if (!file.equals(best) && !awaitingScore.contains(step(file)) && !Files.exists(RunDirectory.keepMarker(file))) {
				surplus.add(file);
			}
		}
		return surplus;
	}

	private Path bestByFd(List<Path> checkpoints) throws IOException {
		if (fds == null) {
			fds = readFds();
		}
		Path best = null;
		double bestFd = Double.POSITIVE_INFINITY;
		for (Path file : checkpoints) {
			Double fd = fds.get(step(file));
			if (fd != null && fd < bestFd) {
				best = file;
				bestFd = fd;
			}
		}
		return best;
	}

	private Map<Long, Double> readFds() throws IOException {
		Map<Long, Double> read = new HashMap<>();
		layout.readEvents(batch -> batch.stream().filter(e -> e.type().equals(RunEvent.QUALITY))
				.forEach(e -> record(read, e.step(), e.fields().get("fd"))));
		return read;
	}

	/** The last FD of a step counts: after a resume, a step may be scored again. */
	private static void record(Map<Long, Double> fds, long step, Object fd) {
		double value = Json.number(fd, Double.NaN);
		if (Double.isFinite(value)) {
			fds.put(step, value);
		}
	}

	private static long step(Path checkpoint) {
		return RunDirectory.checkpointStep(checkpoint);
	}
}
