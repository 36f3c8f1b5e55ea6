package org.ganworkbench.sweep.trial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.sweep.plan.TrialProgress;
import org.ganworkbench.sweep.plan.TrialRecord;

/**
 * Trains one trial in a trainer JVM of its own (ND4J's native heap does not take kindly to two
 * trainings in one process): a fresh {@code train}, or {@code resume} from the run directory's last
 * checkpoint when an earlier attempt (a killed worker, an earlier run of the sweep) left one. A stop
 * marker in the sweep's control folder makes it stop the trainer, which writes a checkpoint first.
 * A trainer that crashes is an exception, so that Spark retries the task, which then resumes.
 */
public final class TrialRunner {

	/** The trainer's exit codes (the trainer's cli.ExitCode) this runner tells apart. */
	private static final int FINISHED = 0;
	private static final int DIVERGED = 3;
	private static final long POLL_MILLIS = 300;

	/** Trainers running in this JVM, stopped with a checkpoint when it shuts down (Ctrl-C, a lost worker). */
	private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(TrialRunner::stopAll, "stop trial trainers"));
	}

	private TrialRunner() {
	}

	/** Trains the trial to its end; returns its state word (finished, diverged, pruned, interrupted: TrialRecord's). */
	public static String run(TrialJob job) throws IOException, InterruptedException {
		RunDirectory run = new RunDirectory(job.runDirectory());
		TrialProgress before = TrialProgress.read(run, "loss_g");
		if ("finished".equals(before.status()) || "diverged".equals(before.status())) {
			return before.status(); // an earlier run of the sweep got it done
		}
		if (Files.exists(job.stopMarker())) {
			return TrialRecord.PRUNED;
		}
		if (Files.exists(job.stopAllMarker())) {
			return TrialRecord.INTERRUPTED;
		}
		List<String> command = new ArrayList<>(List.of(job.java(), "-Xmx" + job.heap(), "-cp", job.trainerClasspath(),
				"org.ganworkbench.trainer.Main"));
		boolean resume = run.exists() && !run.checkpointFiles().isEmpty();
		if (resume) {
			command.addAll(List.of("resume", run.root().toString(), "--steps", Long.toString(job.steps())));
		} else {
			if (Files.exists(run.root())) {
				deleteTree(run.root()); // an attempt that died before its first checkpoint: nothing to keep
			}
			command.addAll(List.of("train", job.modelFile(), "--run-dir", run.root().toString(), "--steps",
					Long.toString(job.steps())));
		}
		Files.createDirectories(job.log().getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(job.log().toFile()));
		builder.environment().put("OMP_NUM_THREADS", Integer.toString(job.threads()));
		Files.writeString(job.log(), "--- " + String.join(" ", command.subList(5, command.size())) + "\n",
				StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
		Process trainer = builder.start();
		LIVE.add(trainer);
		String stopped = null;
		try {
			while (!trainer.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
				if (stopped == null && (Files.exists(job.stopMarker()) || Files.exists(job.stopAllMarker()))) {
					stopped = Files.exists(job.stopMarker()) ? TrialRecord.PRUNED : TrialRecord.INTERRUPTED;
					trainer.destroy(); // SIGTERM: the trainer writes a checkpoint and logs interrupted
				}
			}
		} catch (InterruptedException e) {
			// Spark cancels the task (the sweep stops): stop the trainer with a checkpoint, as Terminate does
			stop(trainer);
			throw e;
		} finally {
			LIVE.remove(trainer);
		}
		int exit = trainer.exitValue();
		if (stopped != null) {
			return stopped;
		}
		return switch (exit) {
		case FINISHED -> TrialRecord.FINISHED;
		case DIVERGED -> TrialRecord.DIVERGED;
		default -> throw new IOException("trial " + job.trialName() + ": the trainer exited with " + exit + ": "
				+ lastLines(job.log(), 5));
		};
	}

	private static void stopAll() {
		for (Process trainer : LIVE) {
			trainer.destroy();
		}
		for (Process trainer : LIVE) {
			stop(trainer);
		}
	}

	/** SIGTERM, then up to 60 s for the checkpoint, then SIGKILL. */
	private static void stop(Process trainer) {
		trainer.destroy();
		try {
			if (!trainer.waitFor(60, TimeUnit.SECONDS)) {
				trainer.destroyForcibly();
			}
		} catch (InterruptedException e) {
			trainer.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static String lastLines(Path log, int count) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
		} catch (IOException e) {
			return "(no log: " + e.getMessage() + ")";
		}
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> {
				try {
					Files.delete(path);
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		} catch (UncheckedIOException e) {
			throw e.getCause();
		}
	}
}
