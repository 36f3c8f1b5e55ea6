package org.ganworkbench.trainer.api.debug;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Stop on the first NaN: with {@code --stop-on-nan on} the networks check every module's output and
 * every gradient a module returns, and the first that holds a NaN or an infinity calls
 * {@link #firstNonFinite}, where a debugger stops (Debug As with "Stop on the first NaN" sets that
 * breakpoint) with the module, its inputs and the bad output in scope, in the step where the value was
 * born. The check then disarms; the run goes on and ends as a diverged run does without the option.
 */
public final class NonFiniteHook {

	private static volatile boolean armed;
	private static volatile long step;

	private NonFiniteHook() {
	}

	/** Checks from now on (the trainer's --stop-on-nan on). */
	public static void arm() {
		armed = true;
	}

	public static boolean armed() {
		return armed;
	}

	/** The step the next checks belong to; the trainer calls it as each step starts. */
	public static void setStep(long value) {
		step = value;
	}

	/**
	 * Called by the networks while armed, after a module's forward ({@code output} its output) or
	 * backward ({@code output} one of the gradients it returns).
	 */
	public static void check(String module, String phase, INDArray[] inputs, INDArray output) {
		if (!armed || output == null || output.isEmpty()) {
			return;
		}
		// NaN and infinities make the sum non-finite; a finite sum proves every value finite
		if (Double.isFinite(output.sumNumber().doubleValue())) {
			return;
		}
		TensorSummary summary = TensorSummary.of(output);
		if (summary.nanCount() == 0 && summary.infiniteCount() == 0) {
			return; // finite values whose sum overflowed
		}
		armed = false;
		firstNonFinite(module, phase, step, inputs, output, summary);
	}

	/**
	 * Where a debugger stops on the first non-finite value: {@code module} is the layer's name,
	 * {@code phase} "forward" or "backward", {@code inputs} what the module read (in backward: the
	 * gradient of its output), {@code output} what it produced, {@code summary} where the bad values are.
	 */
	public static void firstNonFinite(String module, String phase, long step, INDArray[] inputs, INDArray output,
			TensorSummary summary) {
		System.err.println("stop on NaN: the " + phase + " of '" + module + "' at step " + step
				+ " produced non-finite values: " + summary);
	}
}
