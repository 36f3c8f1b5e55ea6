package org.ganworkbench.trainer.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The libnd4j convolution kernels, NCHW. Convolution weights are [out, in, k, k]; transposed
 * convolution weights [in, out, k, k] (PyTorch's layouts, so that sigma is computed on the same
 * matrices the papers describe). padding < 0 means "same".
 */
final class Ops {

	private static final int NCHW = 0;
	private static final int CONV_WEIGHTS_OIKK = 1;
	private static final int DECONV_WEIGHTS_KKOI = 0;

	private Ops() {
	}

	private static int[] convArgs(long k, int stride, int padding, int weightFormat) {
		boolean same = padding < 0;
		int kernel = (int) k;
		return new int[] { kernel, kernel, stride, stride, same ? 0 : padding, same ? 0 : padding, 1, 1, same ? 1 : 0,
				NCHW, weightFormat };
	}

	static long convOutput(long size, long kernel, int stride, int padding) {
		return padding < 0 ? (size + stride - 1) / stride : (size + 2L * padding - kernel) / stride + 1;
	}

	static long deconvOutput(long size, long kernel, int stride, int padding) {
		return padding < 0 ? size * stride : (size - 1) * stride + kernel - 2L * padding;
	}

	// The bias goes into the kernels (oneDNN adds it and sums its gradient in the same pass): as a
	// separate broadcast add and a sum over (N, H, W) of NCHW they took about a tenth of a DCGAN step.

	/** @param b the bias [out], or null */
	static INDArray conv2d(INDArray x, INDArray w, INDArray b, int stride, int padding) {
		long k = w.size(2);
		INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), w.size(0), convOutput(x.size(2), k, stride, padding),
				convOutput(x.size(3), k, stride, padding));
		Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(present(x, w, b)).addOutputs(out)
				.addIntegerArguments(convArgs(k, stride, padding, CONV_WEIGHTS_OIKK)).build());
		return out;
	}

	/** @return {gradInput, gradWeight, gradBias (null without a bias)} */
	static INDArray[] conv2dBackward(INDArray x, INDArray w, INDArray b, INDArray gradOut, int stride, int padding) {
		INDArray gradIn = x.ulike();
		INDArray gradW = w.ulike();
		INDArray gradB = b == null ? null : b.ulike();
		Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(present(x, w, b, gradOut))
				.addOutputs(present(gradIn, gradW, gradB)).addIntegerArguments(convArgs(w.size(2), stride, padding, CONV_WEIGHTS_OIKK))
				.build());
		return new INDArray[] { gradIn, gradW, gradB };
	}

	/** @param b the bias [out], or null */
	static INDArray deconv2d(INDArray x, INDArray w, INDArray b, int stride, int padding) {
		long k = w.size(2);
		INDArray kernel = w.permute(2, 3, 1, 0).dup('c');
		INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), w.size(1), deconvOutput(x.size(2), k, stride, padding),
				deconvOutput(x.size(3), k, stride, padding));
		Nd4j.exec(DynamicCustomOp.builder("deconv2d").addInputs(present(x, kernel, b)).addOutputs(out)
				.addIntegerArguments(convArgs(k, stride, padding, DECONV_WEIGHTS_KKOI)).build());
		return out;
	}

	/** @return {gradInput, gradWeight, gradBias (null without a bias)} */
	static INDArray[] deconv2dBackward(INDArray x, INDArray w, INDArray b, INDArray gradOut, int stride, int padding) {
		INDArray kernel = w.permute(2, 3, 1, 0).dup('c');
		INDArray gradIn = x.ulike();
		INDArray gradKernel = kernel.ulike();
		INDArray gradB = b == null ? null : b.ulike();
		Nd4j.exec(DynamicCustomOp.builder("deconv2d_bp").addInputs(present(x, kernel, b, gradOut))
				.addOutputs(present(gradIn, gradKernel, gradB))
				.addIntegerArguments(convArgs(w.size(2), stride, padding, DECONV_WEIGHTS_KKOI)).build());
		return new INDArray[] { gradIn, gradKernel.permute(3, 2, 0, 1).dup('c'), gradB };
	}

	/** The kernels take the bias (and give its gradient) as an optional argument after the weights. */
	private static INDArray[] present(INDArray... arrays) {
		return java.util.Arrays.stream(arrays).filter(java.util.Objects::nonNull).toArray(INDArray[]::new);
	}

	/**
	 * dL/dx alone, for passes that need no weight gradient: a convolution's input gradient is the
	 * transposed convolution of dL/dy with the same weights, and the other way round, at about half
	 * the cost of the backward kernels (which always compute both).
	 *
	 * @return null where that shortcut does not give x's shape back ("same" padding with a stride or an
	 *         even kernel, sizes that the forward rounded down): the caller uses the full backward kernel
	 */
	static INDArray inputGradient(boolean transposed, INDArray x, INDArray w, INDArray gradOut, int stride,
			int padding) {
		long k = w.size(2);
		if (padding < 0) {
			if (stride != 1 || k % 2 == 0) {
				return null;
			}
			padding = (int) (k - 1) / 2; // "same" at stride 1 pads an odd kernel by this much on each side
		}
		for (int axis = 2; axis <= 3; axis++) {
			long back = transposed ? convOutput(gradOut.size(axis), k, stride, padding)
					: deconvOutput(gradOut.size(axis), k, stride, padding);
			if (back != x.size(axis)) {
				return null;
			}
		}
		return transposed ? conv2d(gradOut, w, null, stride, padding) : deconv2d(gradOut, w, null, stride, padding);
	}

	/** [1, C, 1, 1] for images, [1, C] for vectors: broadcasts a per-channel vector. */
	static INDArray perChannel(INDArray vector, int rank) {
		return rank == 4 ? vector.reshape(1, vector.length(), 1, 1) : vector.reshape(1, vector.length());
	}

	/** The axes a per-channel statistic reduces over. */
	static int[] nonChannelAxes(int rank) {
		return rank == 4 ? new int[] { 0, 2, 3 } : new int[] { 0 };
	}
}
