package org.ganworkbench.benchmarks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/** The peer's layer functions on DJL NDArrays (NCHW, PyTorch weight layouts), counting MACs on request. */
final class Ops {

	private static boolean counting;
	private static double macs;
	/** What the peer's kernels execute, where that differs from the model's own count (the deconv). */
	private static double executed;

	private Ops() {
	}

	/**
	 * Starts or stops counting multiply-accumulates; returns {the model's count, the count the peer's
	 * kernels execute} so far and resets both.
	 */
	static double[] countMacs(boolean on) {
		double[] so = { macs, executed };
		macs = 0;
		executed = 0;
		counting = on;
		return so;
	}

	private static void count(double value) {
		count(value, value);
	}

	private static void count(double model, double run) {
		if (counting) {
			macs += model;
			executed += run;
		}
	}

	/** Convolution with weights [out, in, k, k]; padding -1 means "same" (odd kernels). */
	static NDArray conv(NDArray x, NDArray w, NDArray b, int stride, int padding) {
		long k = w.getShape().get(2);
		long p = padding < 0 ? k / 2 : padding;
		NDArray y = x.getNDArrayInternal().convolution(x, w, b, new Shape(stride, stride), new Shape(p, p), new Shape(1, 1), 1)
				.singletonOrThrow();
		Shape s = y.getShape();
		count((double) s.get(0) * s.get(1) * s.get(2) * s.get(3) * w.getShape().get(1) * k * k);
		return y;
	}

	/**
	 * Transposed convolution with weights [in, out, 4, 4], stride 2, padding 1 (the DCGAN template's).
	 * DJL's PyTorch engine has no transposed convolution (PtNDArrayEx.deconvolution throws), so this is
	 * the sub-pixel form, which PyTorch's own kernel amounts to: each of the four output phases is a 2x2
	 * convolution of the input with every other tap of the flipped kernel; the phases are one
	 * convolution with 4x the output channels, then interleaved. That convolution has (h+1)(w+1)
	 * outputs per phase where the direct form has h w: counted as executed beside the model's count.
	 */
	static NDArray deconv(NDArray x, NDArray w, NDArray b, int stride, int padding) {
		long k = w.getShape().get(2);
		if (k != 4 || stride != 2 || padding != 1) {
			throw new UnsupportedOperationException("the peer's transposed convolution is written for k=4, s=2, p=1");
		}
		long n = x.getShape().get(0), h = x.getShape().get(2), wd = x.getShape().get(3), out = w.getShape().get(1);
		NDArray oi = w.transpose(1, 0, 2, 3); // [out, in, 4, 4]
		NDList phases = new NDList();
		for (int a = 0; a < 2; a++) {
			for (int c = 0; c < 2; c++) {
				// phase a uses taps 3,1 (a = 0) or 2,0 (a = 1): every other tap from 1-a, flipped
				phases.add(oi.get(":, :, " + (1 - a) + "::2, " + (1 - c) + "::2").flip(2, 3));
			}
		}
		NDArray kernels = NDArrays.concat(phases, 0); // [4 out, in, 2, 2]
		NDArray all = x.getNDArrayInternal().convolution(x, kernels, null, new Shape(1, 1), new Shape(1, 1),
				new Shape(1, 1), 1).singletonOrThrow(); // [N, 4 out, h+1, w+1]
		NDList rows = new NDList();
		for (int a = 0; a < 2; a++) {
			NDList cols = new NDList();
			for (int c = 0; c < 2; c++) {
				int phase = 2 * a + c;
				cols.add(all.get(":, " + phase * out + ":" + (phase + 1) * out + ", " + a + ":" + (a + h) + ", " + c + ":"
						+ (c + wd)));
			}
			rows.add(NDArrays.stack(cols, 4)); // [N, out, h, w, 2]
		}
		NDArray y = NDArrays.stack(rows, 3).reshape(n, out, 2 * h, 2 * wd); // [N, out, h, 2, w, 2]
		count((double) n * x.getShape().get(1) * h * wd * out * k * k,
				(double) n * x.getShape().get(1) * (h + 1) * (wd + 1) * out * k * k);
		return b == null ? y : y.add(b.reshape(1, out, 1, 1));
	}

	/** x [N, in] times W [out, in]^T plus b. */
	static NDArray linear(NDArray x, NDArray w, NDArray b) {
		count((double) x.getShape().get(0) * w.getShape().get(0) * w.getShape().get(1));
		return x.getNDArrayInternal().linear(x, w, b).singletonOrThrow();
	}

	/** Batched matrix product [N, a, b] x [N, b, c]. */
	static NDArray matmul(NDArray a, NDArray b) {
		Shape s = a.getShape();
		count((double) s.get(0) * s.get(1) * s.get(2) * b.getShape().get(2));
		return a.matMul(b);
	}

	/**
	 * Batch norm: in training with batch statistics, the running ones updated (PyTorch's momentum = 1 -
	 * decay); otherwise with the running statistics.
	 */
	static NDArray batchNorm(NDArray x, NDArray mean, NDArray var, NDArray gamma, NDArray beta, boolean training) {
		return x.getNDArrayInternal().batchNorm(x, mean, var, gamma, beta, 1, 0.1f, 1e-5f, training).singletonOrThrow();
	}

	/** Spectral norm: W / sigma with sigma from one power iteration on u (u advanced when asked). */
	static NDArray spectralNorm(NDArray w, NDArray u, boolean update) {
		long out = w.getShape().get(0);
		NDArray m = w.reshape(out, -1);
		NDArray fixed = m.stopGradient();
		NDArray v = fixed.transpose().matMul(u);
		v = v.div(v.norm().add(1e-12f));
		NDArray left = u;
		if (update) {
			left = fixed.matMul(v);
			left = left.div(left.norm().add(1e-12f));
			u.muli(0).addi(left);
		}
		// the gradient flows through W only, u and v held fixed (as in the trainer and Miyato et al.)
		NDArray sigma = left.transpose().matMul(m).matMul(v).reshape(new Shape());
		return w.div(sigma);
	}

	/** Nearest-neighbour upsampling by 2. */
	static NDArray upsample(NDArray x) {
		return x.repeat(2, 2).repeat(3, 2);
	}

	static NDArray avgPool(NDArray x) {
		return x.getNDArrayInternal().avgPool(new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
	}

	/** Per-sample [N, C] to [N, C, 1, 1]. */
	static NDArray perSample(NDArray x) {
		return x.reshape(x.getShape().get(0), x.getShape().get(1), 1, 1);
	}
}
