package org.ganworkbench.trainer.nn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A weight tensor and, when asked for, its spectral normalisation (Miyato et al. 2018): the layer
 * uses W / sigma(W), with sigma estimated by one power iteration per training step from a persistent
 * vector u. The matrix view is [out, in*k*k] whatever the tensor layout.
 */
public final class Weight {

	private static final double EPS = 1e-12;

	private final String network;
	private final String layer;
	private final Param param;
	private final Param u;
	private final int outputAxis;

	/**
	 * @param outputAxis the axis of output units/channels: 0 for dense [out, in] and conv [out, in, k, k],
	 *        1 for transposed conv [in, out, k, k]
	 */
	public Weight(String network, String layer, Param param, int outputAxis, boolean spectralNorm, Rng rng) {
		this.network = network;
		this.layer = layer;
		this.param = param;
		this.outputAxis = outputAxis;
		if (spectralNorm) {
			long out = param.value().size(outputAxis);
			INDArray start = rng.gaussian(param.value().dataType(), out);
			this.u = Param.auxiliary(param.name() + ".u", start.divi(start.norm2Number().doubleValue() + EPS));
		} else {
			this.u = null;
		}
	}

	public String network() {
		return network;
	}

	public String layer() {
		return layer;
	}

	public Param param() {
		return param;
	}

	public boolean isSpectralNormalized() {
		return u != null;
	}

	/** The tensors to train or checkpoint: the weight and, with spectral norm, its u vector. */
	public List<Param> params() {
		List<Param> list = new ArrayList<>();
		list.add(param);
		if (u != null) {
			list.add(u);
		}
		return list;
	}

	/** The weight as a matrix [out, in*k*k] (a copy). */
	public INDArray matrix() {
		return toMatrix(param.value());
	}

	INDArray toMatrix(INDArray tensor) {
		INDArray t = outputAxis == 0 ? tensor : tensor.permute(swapFirstTwo(tensor.rank()));
		return t.dup('c').reshape(t.size(0), t.length() / t.size(0));
	}

	private INDArray fromMatrix(INDArray matrix) {
		long[] shape = param.value().shape().clone();
		if (outputAxis == 0) {
			return matrix.reshape(shape);
		}
		long t = shape[0];
		shape[0] = shape[1];
		shape[1] = t;
		return matrix.reshape(shape).permute(swapFirstTwo(shape.length)).dup('c');
	}

	private static int[] swapFirstTwo(int rank) {
		int[] axes = new int[rank];
		for (int i = 0; i < rank; i++) {
			axes[i] = i;
		}
		axes[0] = 1;
		axes[1] = 0;
		return axes;
	}

	/** The weight the layer computes with in this pass: W, or W / sigma with spectral norm. */
	public INDArray forward(Pass pass) {
		if (u == null) {
			return param.value();
		}
		INDArray m = toMatrix(param.value());
		INDArray uu = u.value().reshape(m.size(0), 1);
		INDArray v = m.transpose().mmul(uu);
		v.divi(v.norm2Number().doubleValue() + EPS);
		if (pass.updateState) {
			INDArray next = m.mmul(v);
			next.divi(next.norm2Number().doubleValue() + EPS);
			u.value().assign(next.reshape(u.value().shape()));
			uu = next;
		}
		double sigma = uu.transpose().mmul(m).mmul(v).getDouble(0);
		pass.save(this, uu.dup(), v, sigma);
		return param.value().div(sigma);
	}

	/** Adds dL/dW given dL/d(effective weight). */
	public void backward(INDArray gradEffective, Pass pass) {
		if (!pass.paramGradients) {
			return;
		}
		if (u == null) {
			param.addGrad(gradEffective);
			return;
		}
		Object[] saved = pass.saved(this);
		INDArray uu = (INDArray) saved[0];
		INDArray v = (INDArray) saved[1];
		double sigma = (Double) saved[2];
		INDArray g = toMatrix(gradEffective);
		INDArray normalized = toMatrix(param.value()).divi(sigma);
		// d(W/sigma)/dW with u, v held fixed: (G - <G, W/sigma> u v^T) / sigma
		double inner = g.mul(normalized).sumNumber().doubleValue();
		INDArray grad = g.sub(uu.mmul(v.transpose()).muli(inner)).divi(sigma);
		param.addGrad(fromMatrix(grad));
	}

	/** Adds a gradient given in the matrix view [out, in*k*k] to the raw weight (regularisers). */
	public void addMatrixGrad(INDArray matrixGrad) {
		param.addGrad(fromMatrix(matrixGrad));
	}

	/** sigma estimated by the persistent power iteration (the value spectral norm divides by). */
	public double powerIterationSigma() {
		if (u == null) {
			return Double.NaN;
		}
		INDArray m = toMatrix(param.value());
		INDArray v = m.transpose().mmul(u.value().reshape(m.size(0), 1));
		return Transforms.abs(v).norm2Number().doubleValue();
	}
}
