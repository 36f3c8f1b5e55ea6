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

	static INDArray conv2d(INDArray x, INDArray w, int stride, int padding) {
		long k = w.size(2);
		INDArray out = Nd4j.create(x.dataType(), x.size(0), w.size(0), convOutput(x.size(2), k, stride, padding),
				convOutput(x.size(3), k, stride, padding));
		Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, w).addOutputs(out)
				.addIntegerArguments(convArgs(k, stride, padding, CONV_WEIGHTS_OIKK)).build());
		return out;
	}

	/** @return {gradInput, gradWeight} */
	static INDArray[] conv2dBackward(INDArray x, INDArray w, INDArray gradOut, int stride, int padding) {
		INDArray gradIn = x.ulike();
		INDArray gradW = w.ulike();
		Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(x, w, gradOut).addOutputs(gradIn, gradW)
				.addIntegerArguments(convArgs(w.size(2), stride, padding, CONV_WEIGHTS_OIKK)).build());
		return new INDArray[] { gradIn, gradW };
	}

	static INDArray deconv2d(INDArray x, INDArray w, int stride, int padding) {
		long k = w.size(2);
		INDArray kernel = w.permute(2, 3, 1, 0).dup('c');
		INDArray out = Nd4j.create(x.dataType(), x.size(0), w.size(1), deconvOutput(x.size(2), k, stride, padding),
				deconvOutput(x.size(3), k, stride, padding));
		Nd4j.exec(DynamicCustomOp.builder("deconv2d").addInputs(x, kernel).addOutputs(out)
				.addIntegerArguments(convArgs(k, stride, padding, DECONV_WEIGHTS_KKOI)).build());
		return out;
	}

	/** @return {gradInput, gradWeight} */
	static INDArray[] deconv2dBackward(INDArray x, INDArray w, INDArray gradOut, int stride, int padding) {
		INDArray kernel = w.permute(2, 3, 1, 0).dup('c');
		INDArray gradIn = x.ulike();
		INDArray gradKernel = kernel.ulike();
		Nd4j.exec(DynamicCustomOp.builder("deconv2d_bp").addInputs(x, kernel, gradOut).addOutputs(gradIn, gradKernel)
				.addIntegerArguments(convArgs(w.size(2), stride, padding, DECONV_WEIGHTS_KKOI)).build());
		return new INDArray[] { gradIn, gradKernel.permute(3, 2, 0, 1).dup('c') };
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
