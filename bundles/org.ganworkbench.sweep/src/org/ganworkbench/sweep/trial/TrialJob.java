package org.ganworkbench.sweep.trial;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * What a Spark task needs to train one trial, wherever it runs: paths as strings on the file system
 * every worker sees, the trainer's class path there, the steps, and the threads to give the trainer.
 */
public record TrialJob(String sweepDirectory, String trialName, String modelFile, String trainerClasspath, String java,
		long steps, int threads, String heap) implements Serializable {

	private static final long serialVersionUID = 1L;

	public Path runDirectory() {
		return Path.of(sweepDirectory, trialName);
	}

	/** Asks the trial's runner to stop its trainer (halving, or the whole sweep stopping). */
	public Path stopMarker() {
		return stopMarker(Path.of(sweepDirectory), trialName);
	}

	/** Asks every runner of the sweep to stop its trainer with a checkpoint: the sweep is stopping. */
	public Path stopAllMarker() {
		return stopAllMarker(Path.of(sweepDirectory));
	}

	public static Path stopAllMarker(Path sweepDirectory) {
		return sweepDirectory.resolve("control").resolve("all.stop");
	}

	public Path log() {
		return Path.of(sweepDirectory, "logs", trialName + ".log");
	}

	public static Path stopMarker(Path sweepDirectory, String trialName) {
		return sweepDirectory.resolve("control").resolve(trialName + ".stop");
	}
}
