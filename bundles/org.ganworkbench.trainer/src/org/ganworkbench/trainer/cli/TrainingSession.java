package org.ganworkbench.trainer.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.trainer.build.ModelException;
import org.ganworkbench.trainer.nn.CustomModule.CustomLayerException;
import org.ganworkbench.trainer.quality.QualityMonitor;
import org.ganworkbench.trainer.run.AtomicFiles;
import org.ganworkbench.trainer.run.Checkpoint;
import org.ganworkbench.trainer.run.LoadedBackend;
import org.ganworkbench.trainer.run.MemoryExhaustion;
import org.ganworkbench.trainer.run.RunWriter;
import org.ganworkbench.trainer.train.DivergedException;
import org.ganworkbench.trainer.train.Trainer;
import org.ganworkbench.trainer.train.TrainingOptions;

/**
 * Runs a trainer in a run directory and records how it ends: finished (checkpoint), interrupted by
 * Ctrl-C or SIGTERM (checkpoint, exit 130), diverged (no checkpoint: the last one stays the last good
 * state, exit 3), failed in a custom layer (exit 2) or failed to read or write a file, as on a full disk
 * (exit 1; the last complete checkpoint is intact). Before the first step the custom layers' gradients are
 * checked ({@link RunStartGradientCheck}); a layer whose backward disagrees with its forward fails the run
 * (exit 5). Returns the exit code.
 */
final class TrainingSession {

	private static final long STOP_WAIT_SECONDS = 120;

	private final PrintStream out;
	private final PrintStream err;
	private final boolean checkGradients;

	/** @param checkGradients whether the custom layers' gradients are checked before the first step */
	TrainingSession(PrintStream out, PrintStream err, boolean checkGradients) {
		this.out = out;
		this.err = err;
		this.checkGradients = checkGradients;
	}

	int run(TrainingOptions options, RunWriter writer, Checkpoint resumeFrom) throws IOException {
		Trainer trainer;
		try {
			trainer = new Trainer(options, writer);
			if (resumeFrom != null) {
				trainer.restore(resumeFrom);
			}
		} catch (ModelException e) {
			fail(writer, 0, e.getMessage());
			return ExitCode.INVALID_MODEL;
		}
		if (checkGradients) {
			try {
				new RunStartGradientCheck(out).run(options.model());
			} catch (RunStartGradientCheck.Failed e) {
				fail(writer, trainer.step(), e.getMessage(), e.fields());
				return ExitCode.GRADIENT_CHECK_FAILED;
			} catch (CustomLayerException e) {
				fail(writer, trainer.step(), e.getMessage());
				if (e.getCause() != null) {
					e.getCause().printStackTrace(err);
				}
				return ExitCode.INVALID_MODEL;
			}
		}
		writer.keepCheckpoints(options.model().training().keepCheckpoints());
		QualityMonitor quality = openQuality(options, writer, trainer.step());
		trainer.setQualitySink(quality);
		long start = trainer.step();
		trainer.setProgressListener(new ProgressBar(out, System.console() != null,
				Math.max(1, options.model().training().intervals().metrics()), start));
		CountDownLatch finished = new CountDownLatch(1);
		Thread hook = new Thread(() -> {
			trainer.requestStop();
			if (quality != null) {
				// also ends a feature network's training before the first step
				quality.requestStop();
			}
			try {
				// the JVM exits when hooks return: let the loop write its checkpoint first
				finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "gan-trainer-stop");
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			writer.markProcess();
			writer.status(start, resumeFrom == null ? "running" : "resumed", null,
					Map.of("steps", options.steps(), "from", start, "seed", Long.toString(options.seed())));
			if (quality != null) {
				quality.prepare();
			}
			boolean complete = trainer.run();
			writer.checkpoint(trainer.checkpoint());
			if (quality != null && complete) {
				// the last step's evaluation belongs to the run: wait for it before saying how it ended
				quality.close();
				writer.qualityEnded();
			}
			if (complete) {
				writer.status(trainer.step(), "finished", null);
				out.println("finished at step " + trainer.step() + ": " + options.runDir());
				reportWhereToLook(options.runDir());
				return ExitCode.OK;
			}
			writer.status(trainer.step(), "interrupted", "stopped on request; checkpoint written");
			err.println("interrupted at step " + trainer.step() + "; checkpoint written to " + options.runDir());
			reportWhereToLook(options.runDir());
			return ExitCode.INTERRUPTED;
		} catch (DivergedException e) {
			writer.warning(e.step(), "nan", e.getMessage(), Map.of("where", e.where()));
			writer.status(e.step(), "diverged", e.getMessage() + "; the last checkpoint is the last good state");
			err.println(e.getMessage());
			return ExitCode.DIVERGED;
		} catch (CustomLayerException e) {
			fail(writer, trainer.step(), e.getMessage());
			if (e.getCause() != null) {
				e.getCause().printStackTrace(err);
			}
			return ExitCode.INVALID_MODEL;
		} catch (InterruptedException e) {
			writer.status(trainer.step(), "interrupted", "training thread interrupted");
			return ExitCode.INTERRUPTED;
		} catch (RuntimeException | OutOfMemoryError e) {
			String memory = MemoryExhaustion.describe(e, trainer.step(),
					options.model().training().batchSize(), LoadedBackend.detect());
			if (memory == null) {
				throw e;
			}
			fail(writer, trainer.step(), memory);
			return ExitCode.OUT_OF_MEMORY;
		} catch (IOException e) {
			// a full disk, a vanished directory: every write is atomic, so the last checkpoint is whole
			fail(writer, trainer.step(), "I/O error at step " + trainer.step() + ": " + e.getMessage()
					+ ". The last complete checkpoint is intact: resume once the cause is fixed.");
			return ExitCode.IO_OR_DATASET;
		} finally {
			if (quality != null) {
				// a stopped or failed run ends now: a waiting evaluation is dropped
				quality.cancel();
			}
			clearProcess(writer);
			finished.countDown();
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			} catch (IllegalStateException e) {
				// already shutting down: the hook is running and waits for us
			}
		}
	}

	private void clearProcess(RunWriter writer) {
		try {
			writer.clearProcess();
		} catch (IOException e) {
			// readers check that the recorded process is alive and a trainer: a stale record misleads no one
			err.println("could not remove " + writer.layout().process() + ": " + e.getMessage());
		}
	}

	/**
	 * Ends the run with status failed and says why on stderr, which also tells the user when the log
	 * cannot take the status line (the disk that failed the run may be full).
	 */
	private void fail(RunWriter writer, long step, String message) {
		fail(writer, step, message, Map.of());
	}

	private void fail(RunWriter writer, long step, String message, Map<String, ?> extra) {
		try {
			writer.status(step, "failed", message, extra);
		} catch (IOException e) {
			err.println("could not record the failure in the run's event log: " + e.getMessage());
		}
		err.println(message);
	}

	/**
	 * The quality monitor when the model asks for one, still to be prepared: its feature network may
	 * need training first (a minute, once per dataset); a failure costs the quality events, not the run.
	 */
	private QualityMonitor openQuality(TrainingOptions options, RunWriter writer, long step) throws IOException {
		if (options.model().training().intervals().quality() <= 0) {
			return null;
		}
		try {
			return QualityMonitor.open(options, writer, step, out::println);
		} catch (ModelException | RuntimeException e) {
			err.println("quality metrics are off: " + e.getMessage());
			writer.warning(step, "quality", "quality metrics are off: " + e.getMessage(), Map.of());
			return null;
		}
	}

	/**
	 * Ends a run in a terminal with what to open: the last sample grid and a summary of the run
	 * (written as summary.txt, the output of {@code info}).
	 */
	private void reportWhereToLook(Path runDir) {
		try {
			ByteArrayOutputStream summary = new ByteArrayOutputStream();
			new InfoCommand(new PrintStream(summary, true, StandardCharsets.UTF_8))
					.run(new Arguments(List.of(runDir.toString()), List.of()));
			Path summaryFile = runDir.resolve("summary.txt");
			AtomicFiles.writeString(summaryFile, summary.toString(StandardCharsets.UTF_8));
			Path grid = lastSample(runDir.resolve(RunDirectory.SAMPLES));
			if (grid != null) {
				out.println("sample grid: " + grid.toAbsolutePath());
			}
			out.println("summary:     " + summaryFile.toAbsolutePath());
		} catch (IOException | Arguments.UsageException e) {
			err.println("could not write the run summary: " + e.getMessage());
		}
	}

	/** The newest grid: names sort by step first, then by truncation threshold. */
	private static Path lastSample(Path samples) throws IOException {
		if (!Files.isDirectory(samples)) {
			return null;
		}
		try (Stream<Path> files = Files.list(samples)) {
			List<Path> grids = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
			return grids.isEmpty() ? null : grids.get(grids.size() - 1);
		}
	}
}
