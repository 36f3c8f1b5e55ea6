package org.ganworkbench.trainer.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.ganworkbench.trainer.train.ProgressListener;

/**
 * Progress on a terminal: one line redrawn in place (step, images/s, ETA). Without a terminal (IDE
 * console, log file), a plain line every {@code plainEvery} steps.
 */
final class ProgressBar implements ProgressListener {

	private static final int WIDTH = 30;
	private final PrintStream out;
	private final boolean terminal;
	private final int plainEvery;
	private final long startStep;
	private final long startNanos = System.nanoTime();
	private long firstStep = -1;

	ProgressBar(PrintStream out, boolean terminal, int plainEvery, long startStep) {
		this.out = out;
		this.terminal = terminal;
		this.plainEvery = Math.max(1, plainEvery);
		this.startStep = startStep;
	}

	@Override
	public void stepDone(long step, long lastStep, double imagesPerSecond, double lossD, double lossG) {
		if (firstStep < 0) {
			firstStep = step;
		}
		double seconds = (System.nanoTime() - startNanos) / 1e9;
		long done = step - startStep;
		double eta = done > 0 ? seconds / done * (lastStep - step) : Double.NaN;
		String numbers = String.format(Locale.ROOT, "step %d/%d  %.1f img/s  D %.3f  G %.3f  ETA %s", step, lastStep,
				imagesPerSecond, lossD, lossG, duration(eta));
		if (terminal) {
			int filled = (int) (WIDTH * step / Math.max(1, lastStep));
			out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + numbers + "   ");
			if (step == lastStep) {
				out.println();
			}
			out.flush();
		} else if (step % plainEvery == 0 || step == lastStep || step == firstStep) {
			out.println(numbers);
		}
	}

	static String duration(double seconds) {
		if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
			return "?";
		}
		long s = Math.round(seconds);
		return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
				: String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
	}
}
