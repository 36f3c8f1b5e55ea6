package org.ganworkbench.trainer.api.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The result of a {@link GradientCheck}: for the input and each trained parameter, the worst relative
 * error between back-propagated and finite-difference gradients over the entries checked, and where it
 * was. Printed as one line a tensor and a verdict line.
 */
public final class GradientReport {

	/** The result for one tensor: the input or a parameter. */
	public static final class Tensor {
		private final String name;
		private final boolean input;
		private final long[] shape;
		private final int entries;
		private final double worstError;
		private final long worstIndex;
		private final double backprop;
		private final double numeric;
		private final String problem;

		Tensor(String name, boolean input, long[] shape, int entries, double worstError, long worstIndex, double backprop,
				double numeric, String problem) {
			this.name = name;
			this.input = input;
			this.shape = shape.clone();
			this.entries = entries;
			this.worstError = worstError;
			this.worstIndex = worstIndex;
			this.backprop = backprop;
			this.numeric = numeric;
			this.problem = problem;
		}

		static Tensor problem(String name, boolean input, long[] shape, String problem) {
			return new Tensor(name, input, shape, 0, Double.NaN, -1, Double.NaN, Double.NaN, problem);
		}

		/** "input", or the parameter's name. */
		public String name() {
			return name;
		}

		public boolean isInput() {
			return input;
		}

		public long[] shape() {
			return shape.clone();
		}

		/** How many entries were compared. */
		public int entries() {
			return entries;
		}

		/** The largest relative error over the entries checked; NaN when a value was not a number. */
		public double worstError() {
			return worstError;
		}

		/** The entry with the worst error, as indices into {@link #shape()}; empty when none was compared. */
		public long[] worstEntry() {
			if (worstIndex < 0) {
				return new long[0];
			}
			long[] at = new long[shape.length];
			long rest = worstIndex;
			for (int d = shape.length - 1; d >= 0; d--) {
				at[d] = rest % shape[d];
				rest /= shape[d];
			}
			return at;
		}

		/** The back-propagated gradient at {@link #worstEntry()}. */
		public double backprop() {
			return backprop;
		}

		/** The finite-difference gradient at {@link #worstEntry()}. */
		public double numeric() {
			return numeric;
		}

		/** Why the tensor could not be compared entry by entry (a gradient of the wrong shape), or null. */
		public String problem() {
			return problem;
		}

		public boolean passed() {
			return problem == null && worstError <= GradientCheck.TOLERANCE; // NaN fails
		}

		/** The worst relative error as printed: "3.2e-11", or NaN. */
		public String errorText() {
			return error(worstError);
		}

		/** "input" or "parameter scale". */
		public String label() {
			return input ? "input" : "parameter " + name;
		}

		/** Where the worst entry is and both gradients there: "scale[2]: backward 0.53 vs finite difference -1.2". */
		public String worstText() {
			if (problem != null) {
				return problem;
			}
			String at = Arrays.stream(worstEntry()).mapToObj(Long::toString).collect(Collectors.joining(", ", "[", "]"));
			return name + at + ": backward " + number(backprop) + " vs finite difference " + number(numeric);
		}
	}

	private final String subject;
	private final long[] inputShape;
	private final List<Tensor> tensors;
	private final String problem;

	GradientReport(String subject, long[] inputShape, List<Tensor> tensors, String problem) {
		this.subject = subject;
		this.inputShape = inputShape.clone();
		this.tensors = List.copyOf(tensors);
		this.problem = problem;
	}

	static GradientReport uncheckable(String subject, long[] inputShape, String problem) {
		return new GradientReport(subject, inputShape, List.of(), problem);
	}

	/** What was checked (a class or layer name). */
	public String subject() {
		return subject;
	}

	/** The shape of the batch the check ran on. */
	public long[] inputShape() {
		return inputShape.clone();
	}

	/** The input first, then the trained parameters in the order they were declared. */
	public List<Tensor> tensors() {
		return tensors;
	}

	/** Why the layer could not be checked at all (its forward ignores double precision), or null. */
	public String problem() {
		return problem;
	}

	public boolean passed() {
		return problem == null && tensors.stream().allMatch(Tensor::passed);
	}

	/** The tensors that failed, in order. */
	public List<Tensor> failures() {
		return tensors.stream().filter(t -> !t.passed()).toList();
	}

	/** One line a tensor: its name and shape, the worst relative error, PASS or FAIL and, on FAIL, where. */
	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		int labelWidth = tensors.stream().mapToInt(t -> t.label().length()).max().orElse(5);
		int shapeWidth = tensors.stream().mapToInt(t -> Arrays.toString(t.shape()).length()).max().orElse(2);
		for (Tensor t : tensors) {
			String line = String.format(Locale.ROOT, "  %-" + labelWidth + "s  %-" + shapeWidth + "s  worst relative error %s  %s",
					t.label(), Arrays.toString(t.shape()), error(t.worstError()), t.passed() ? "PASS" : "FAIL");
			lines.add(t.passed() ? line : line + (t.problem() != null ? "  " : "  at ") + t.worstText());
		}
		if (problem != null) {
			lines.add("  cannot check: " + problem);
		}
		return lines;
	}

	/** "PASS: ..." or "FAIL: ... for parameter scale (worst relative error 1.0e+00)". */
	public String verdict() {
		if (problem != null) {
			return "FAIL: " + subject + " cannot be checked: " + problem;
		}
		if (passed()) {
			return "PASS: the backward of " + subject + " agrees with finite differences of its forward (tolerance "
					+ error(GradientCheck.TOLERANCE) + ")";
		}
		return "FAIL: the backward of " + subject + " disagrees with its forward for " + failureSummary();
	}

	/** "parameter scale (worst relative error 1.0e+00 at scale[2]: backward 0 vs finite difference 1.2)", each failure. */
	public String failureSummary() {
		if (problem != null) {
			return problem;
		}
		return failures().stream().map(t -> t.label() + (t.problem() != null ? " (" + t.problem() + ")"
				: " (worst relative error " + error(t.worstError()) + " at " + t.worstText() + ")"))
				.collect(Collectors.joining("; "));
	}

	static String error(double value) {
		return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.1e", value);
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.6g", value);
	}

	@Override
	public String toString() {
		return String.join("\n", lines()) + "\n" + verdict();
	}
}
