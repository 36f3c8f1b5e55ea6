package org.ganworkbench.trainer.train;

/** Told after every G step, on the training thread; the CLI draws its progress bar from it. */
@FunctionalInterface
public interface ProgressListener {

	void stepDone(long step, long lastStep, double imagesPerSecond, double lossD, double lossG);
}
