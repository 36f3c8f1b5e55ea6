package org.ganworkbench.trainer.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
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

	// The bias, when there is one, goes into the kernels (oneDNN adds it in the convolution and sums its
	// gradient in the backward pass): a separate broadcast add and a strided sum cost more than that.

	static INDArray conv2d(INDArray x, INDArray w, INDArray b, int stride, int padding) {
		long k = w.size(2);
		INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), w.size(0),
				convOutput(x.size(2), k, stride, padding), convOutput(x.size(3), k, stride, padding));
		Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(present(x, w, b)).addOutputs(out)
				.addIntegerArguments(convArgs(k, stride, padding, CONV_WEIGHTS_OIKK)).build());
		return out;
	}

	/** @return {gradInput, gradWeight, gradBias (null without a bias)} */
	static INDArray[] conv2dBackward(INDArray x, INDArray w, INDArray b, INDArray gradOut, int stride, int padding) {
		INDArray[] grads = { x.ulike(), w.ulike(), b == null ? null : b.ulike() };
		Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(present(x, w, b, gradOut)).addOutputs(present(grads))
				.addIntegerArguments(convArgs(w.size(2), stride, padding, CONV_WEIGHTS_OIKK)).build());
		return grads;
	}

	static INDArray deconv2d(INDArray x, INDArray w, INDArray b, int stride, int padding) {
		long k = w.size(2);
		INDArray kernel = w.permute(2, 3, 1, 0).dup('c');
		INDArray out = Nd4j.createUninitialized(x.dataType(), x.size(0), w.size(1),
				deconvOutput(x.size(2), k, stride, padding), deconvOutput(x.size(3), k, stride, padding));
		Nd4j.exec(DynamicCustomOp.builder("deconv2d").addInputs(present(x, kernel, b)).addOutputs(out)
				.addIntegerArguments(convArgs(k, stride, padding, DECONV_WEIGHTS_KKOI)).build());
		return out;
	}

	/** @return {gradInput, gradWeight, gradBias (null without a bias)} */
	static INDArray[] deconv2dBackward(INDArray x, INDArray w, INDArray b, INDArray gradOut, int stride, int padding) {
		INDArray kernel = w.permute(2, 3, 1, 0).dup('c');
		INDArray[] grads = { x.ulike(), kernel.ulike(), b == null ? null : b.ulike() };
		Nd4j.exec(DynamicCustomOp.builder("deconv2d_bp").addInputs(present(x, kernel, b, gradOut))
				.addOutputs(present(grads)).addIntegerArguments(convArgs(w.size(2), stride, padding, DECONV_WEIGHTS_KKOI))
				.build());
		grads[1] = grads[1].permute(3, 2, 0, 1).dup('c');
		return grads;
	}

	/** The non-null arrays, in order (an absent bias is left out of a kernel's inputs and outputs). */
	private static INDArray[] present(INDArray... arrays) {
		return java.util.Arrays.stream(arrays).filter(java.util.Objects::nonNull).toArray(INDArray[]::new);
	}

	/** dL/dx of relu(x) given dL/dy. */
	static INDArray reluBackward(INDArray x, INDArray gradOut) {
		INDArray gradIn = gradOut.ulike();
		Nd4j.exec(DynamicCustomOp.builder("relu_bp").addInputs(x, gradOut).addOutputs(gradIn)
				.addFloatingPointArguments(0.0).build());
		return gradIn;
	}

	/** dL/dx of leaky_relu(x, slope) given dL/dy. */
	static INDArray leakyReluBackward(INDArray x, INDArray gradOut, double slope) {
		INDArray gradIn = gradOut.ulike();
		Nd4j.exec(new LeakyReLUBp(x, gradOut, gradIn, slope));
		return gradIn;
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
