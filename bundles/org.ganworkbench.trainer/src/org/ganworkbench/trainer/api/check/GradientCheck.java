package org.ganworkbench.trainer.api.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

import org.ganworkbench.trainer.nn.Param;
import org.ganworkbench.trainer.nn.Pass;
import org.ganworkbench.trainer.nn.Rng;
import org.ganworkbench.trainer.nn.SingleInputModule;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Compares back-propagated gradients with central finite differences of L = sum(f(x) * R) for a fixed
 * random R, in double precision, on a sample of entries of the input and of every trained parameter.
 * The error of an entry is |numeric - backprop| / max(scale, |numeric| + |backprop|), where scale is the
 * gradient's root mean square (at least 1e-3), so entries whose gradient is negligibly small next to the
 * rest do not fail on rounding. A tensor passes when its worst entry is within {@link #TOLERANCE}.
 *
 * <p>For custom layers use {@link CustomLayerCheck}; this class checks any single-input module (the
 * trainer's own layers are checked with it in its tests).
 */
public final class GradientCheck {

	/** Largest relative error that passes: backprop and a correct finite difference agree to about 1e-8. */
	public static final double TOLERANCE = 1e-4;
	/** Step of the central differences (double precision). */
	static final double H = 1e-6;
	/** The seed of R and of the sampled entries: a check gives the same numbers every time. */
	private static final long SEED = 99;

	/** What is checked: a function of one input and its trained parameters, evaluated in fresh passes. */
	public interface Subject {

		INDArray forward(INDArray x, Pass pass);

		/** dL/dx of the pass's forward; adds the parameters' gradients to their {@link Param#grad()}. */
		INDArray backward(INDArray gradOutput, Pass pass);

		List<Param> params();

		/** Called before every forward: makes the function the same each time (resets noise generators). */
		default void beforeForward() {
		}

		/** The name a parameter is reported under. */
		default String nameOf(Param param) {
			return param.name();
		}
	}

	private final int entries;

	/** Checks up to {@code entries} sampled entries of each tensor (all of them when a tensor is that small). */
	public GradientCheck(int entries) {
		if (entries < 1) {
			throw new IllegalArgumentException("entries must be at least 1, got " + entries);
		}
		this.entries = entries;
	}

	/** A module as a subject. */
	public static Subject of(SingleInputModule module) {
		return new Subject() {
			@Override
			public INDArray forward(INDArray x, Pass pass) {
				return module.forward(x, pass);
			}

			@Override
			public INDArray backward(INDArray gradOutput, Pass pass) {
				return module.backward1(gradOutput, pass);
			}

			@Override
			public List<Param> params() {
				return module.params();
			}
		};
	}

	/**
	 * Checks the input gradient and every trained parameter's gradient of {@code subject} at {@code x}
	 * (a double array). Parameters are perturbed in place and restored exactly; their gradients are
	 * left as the one backward pass of the check made them.
	 *
	 * @param passSetup prepares each fresh training pass (labels, conditioning vectors); identity if none
	 */
	public GradientReport check(String what, Subject subject, INDArray x, Function<Pass, Pass> passSetup) {
		Rng rng = new Rng(SEED);
		subject.beforeForward();
		INDArray out = subject.forward(x, passSetup.apply(Pass.probe()));
		if (out.dataType() != DataType.DOUBLE) {
			return GradientReport.uncheckable(what, x.shape(), "forward returned " + out.dataType() + " for a "
					+ x.dataType() + " input: the check runs in double precision, so create arrays with the input's data"
					+ " type (input.dataType()) or cast to it");
		}
		INDArray r = rng.gaussian(DataType.DOUBLE, out.shape());
		subject.params().forEach(Param::zeroGrad);
		Pass pass = passSetup.apply(Pass.probe());
		subject.beforeForward();
		subject.forward(x, pass);
		INDArray dx = subject.backward(r, pass);
		DoubleSupplier loss = () -> {
			subject.beforeForward();
			return subject.forward(x, passSetup.apply(Pass.probe())).mul(r).sumNumber().doubleValue();
		};
		List<GradientReport.Tensor> tensors = new ArrayList<>();
		tensors.add(compare("input", true, x, dx, loss, rng));
		for (Param p : subject.params()) {
			if (p.isTrainable()) {
				tensors.add(compare(subject.nameOf(p), false, p.value(), p.grad(), loss, rng));
			}
		}
		return new GradientReport(what, x.shape(), tensors, null);
	}

	private GradientReport.Tensor compare(String name, boolean input, INDArray values, INDArray analytic,
			DoubleSupplier loss, Rng rng) {
		long[] shape = values.shape();
		if (analytic == null || !Arrays.equals(analytic.shape(), shape)) {
			return GradientReport.Tensor.problem(name, input, shape, "backward gave a gradient of shape "
					+ (analytic == null ? "null" : Arrays.toString(analytic.shape())) + " for " + Arrays.toString(shape));
		}
		long n = values.length();
		INDArray flatValues = values.reshape(n);
		INDArray flatGrad = analytic.castTo(DataType.DOUBLE).dup('c').reshape(n);
		double scale = Math.max(1e-3, flatGrad.norm2Number().doubleValue() / Math.sqrt(n));
		double worst = 0;
		long worstIndex = -1;
		double worstGot = 0;
		double worstNumeric = 0;
		int checked = (int) Math.min(entries, n);
		for (int k = 0; k < checked; k++) {
			long i = n <= entries ? k : rng.nextInt((int) Math.min(n, Integer.MAX_VALUE));
			double saved = flatValues.getDouble(i);
			flatValues.putScalar(i, saved + H);
			double plus = loss.getAsDouble();
			flatValues.putScalar(i, saved - H);
			double minus = loss.getAsDouble();
			flatValues.putScalar(i, saved);
			double numeric = (plus - minus) / (2 * H);
			double got = flatGrad.getDouble(i);
			double error = Math.abs(numeric - got) / Math.max(scale, Math.abs(numeric) + Math.abs(got));
			// NaN is worse than any number
			if (worstIndex < 0 || Double.isNaN(error) && !Double.isNaN(worst) || error > worst) {
				worst = error;
				worstIndex = i;
				worstGot = got;
				worstNumeric = numeric;
			}
		}
		return new GradientReport.Tensor(name, input, shape, checked, worst, worstIndex, worstGot, worstNumeric, null);
	}
}
