package org.ganworkbench.enginespike.engine;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The engine on ND4J 1.0.0-M2.1 with libnd4j's declarable ops, as the trainer calls them. ND4J has
 * no tape here (SameDiff is a separate graph API the trainer does not use), so this engine runs the
 * forward operations and Adam; backward passes stay hand-written in the trainer's modules.
 */
public final class Nd4jEngine implements Engine<INDArray> {

	/** Weight layouts in libnd4j's conv2d and deconv2d integer arguments: [out, in, k, k] and [in, out, k, k]. */
	private static final int CONV_OIKK = 1;
	private static final int DECONV_IOKK = 1;

	public Nd4jEngine(long seed) {
		Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
		Nd4j.getRandom().setSeed(seed);
	}

	@Override
	public String name() {
		return "ND4J " + Nd4j.getEnvironment().maxMasterThreads() + " threads";
	}

	@Override
	public INDArray parameter(double std, double value, long... shape) {
		return std > 0 ? Nd4j.randn(DataType.FLOAT, shape).muli(std) : Nd4j.valueArrayOf(shape, (float) value);
	}

	@Override
	public INDArray tensor(float[] values, long... shape) {
		return Nd4j.create(values, shape, 'c');
	}

	@Override
	public INDArray normal(long... shape) {
		return Nd4j.randn(DataType.FLOAT, shape);
	}

	@Override
	public float[] values(INDArray x) {
		return x.dup('c').data().asFloat();
	}

	@Override
	public long[] shape(INDArray x) {
		return x.shape();
	}

	@Override
	public INDArray conv2d(INDArray x, INDArray w, INDArray bias, int stride, int padding) {
		int k = (int) w.size(2);
		long h = (x.size(2) + 2 * padding - k) / stride + 1;
		long wd = (x.size(3) + 2 * padding - k) / stride + 1;
		INDArray out = Nd4j.create(DataType.FLOAT, x.size(0), w.size(0), h, wd);
		Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, w, bias).addOutputs(out)
				.addIntegerArguments(k, k, stride, stride, padding, padding, 1, 1, 0, 0, CONV_OIKK).build());
		return out;
	}

	@Override
	public INDArray deconv2d(INDArray x, INDArray w, INDArray bias, int stride, int padding) {
		int k = (int) w.size(2);
		long h = (x.size(2) - 1) * stride - 2 * padding + k;
		long wd = (x.size(3) - 1) * stride - 2 * padding + k;
		INDArray out = Nd4j.create(DataType.FLOAT, x.size(0), w.size(1), h, wd);
		Nd4j.exec(DynamicCustomOp.builder("deconv2d").addInputs(x, w, bias).addOutputs(out)
				.addIntegerArguments(k, k, stride, stride, padding, padding, 1, 1, 0, 0, DECONV_IOKK).build());
		return out;
	}

	@Override
	public INDArray batchNorm(INDArray x, INDArray gain, INDArray bias, double eps) {
		INDArray mean = x.mean(0, 2, 3);
		INDArray var = x.var(false, 0, 2, 3);
		INDArray out = x.ulike();
		Nd4j.exec(DynamicCustomOp.builder("batchnorm").addInputs(x, mean, var, gain, bias).addOutputs(out)
				.addIntegerArguments(1, 1, 1).addFloatingPointArguments(eps).build());
		return out;
	}

	@Override
	public INDArray linear(INDArray x, INDArray w, INDArray bias) {
		return Nd4j.gemm(x, w, false, true).addiRowVector(bias);
	}

	@Override
	public INDArray relu(INDArray x) {
		return Transforms.relu(x, true);
	}

	@Override
	public INDArray leakyRelu(INDArray x, double slope) {
		return Transforms.leakyRelu(x, slope, true);
	}

	@Override
	public INDArray tanh(INDArray x) {
		return Transforms.tanh(x, true);
	}

	@Override
	public INDArray softplus(INDArray x) {
		return Transforms.softPlus(x, true);
	}

	@Override
	public INDArray add(INDArray a, INDArray b) {
		return a.add(b);
	}

	@Override
	public INDArray sub(INDArray a, INDArray b) {
		return a.sub(b);
	}

	@Override
	public INDArray mul(INDArray a, INDArray b) {
		return a.mul(b);
	}

	@Override
	public INDArray scale(INDArray x, double factor) {
		return x.mul(factor);
	}

	@Override
	public INDArray reshape(INDArray x, long... shape) {
		return x.reshape('c', shape);
	}

	@Override
	public INDArray div(INDArray a, INDArray b) {
		return b.length() == 1 ? a.div(b.getDouble(0)) : a.div(b);
	}

	@Override
	public INDArray addScalar(INDArray x, double value) {
		return x.add(value);
	}

	@Override
	public INDArray sqrt(INDArray x) {
		return Transforms.sqrt(x, true);
	}

	@Override
	public INDArray avgPool2(INDArray x) {
		INDArray out = Nd4j.create(DataType.FLOAT, x.size(0), x.size(1), x.size(2) / 2, x.size(3) / 2);
		Nd4j.exec(DynamicCustomOp.builder("avgpool2d").addInputs(x).addOutputs(out)
				.addIntegerArguments(2, 2, 2, 2, 0, 0, 1, 1, 0, 0, 0).build());
		return out;
	}

	@Override
	public INDArray upsample2(INDArray x) {
		INDArray out = Nd4j.create(DataType.FLOAT, x.size(0), x.size(1), x.size(2) * 2, x.size(3) * 2);
		Nd4j.exec(DynamicCustomOp.builder("upsampling2d").addInputs(x).addOutputs(out).addIntegerArguments(2, 2, 1).build());
		return out;
	}

	@Override
	public INDArray softmax(INDArray x, int dim) {
		INDArray out = x.ulike();
		Nd4j.exec(DynamicCustomOp.builder("softmax").addInputs(x).addOutputs(out).addIntegerArguments(dim).build());
		return out;
	}

	@Override
	public INDArray matmul(INDArray a, INDArray b, boolean transposeA, boolean transposeB) {
		if (a.rank() == 2) {
			return Nd4j.gemm(a, b, transposeA, transposeB);
		}
		INDArray left = transposeA ? a.permute(0, 2, 1) : a;
		INDArray right = transposeB ? b.permute(0, 2, 1) : b;
		return Nd4j.matmul(left.dup('c'), right.dup('c'));
	}

	@Override
	public INDArray concat(INDArray a, INDArray b, int dim) {
		return Nd4j.concat(dim, a, b);
	}

	@Override
	public INDArray slice(INDArray x, int dim, long from, long to) {
		org.nd4j.linalg.indexing.INDArrayIndex[] index = new org.nd4j.linalg.indexing.INDArrayIndex[x.rank()];
		for (int i = 0; i < index.length; i++) {
			index[i] = i == dim ? org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to) : org.nd4j.linalg.indexing.NDArrayIndex.all();
		}
		return x.get(index).dup('c');
	}

	@Override
	public INDArray sum(INDArray x, boolean keep, long... dims) {
		int[] axes = new int[dims.length];
		for (int i = 0; i < dims.length; i++) {
			axes[i] = (int) dims[i];
		}
		return x.sum(keep, axes);
	}

	@Override
	public INDArray detach(INDArray x) {
		return x;
	}

	@Override
	public void assign(INDArray target, INDArray value) {
		target.assign(value);
	}

	@Override
	public INDArray mean(INDArray x) {
		return x.mean();
	}

	@Override
	public INDArray sumOfSquares(INDArray x) {
		return x.mul(x).sum();
	}

	@Override
	public boolean hasAutograd() {
		return false;
	}

	@Override
	public AutoCloseable noGradients() {
		return () -> {
			// nothing is recorded anyway
		};
	}

	@Override
	public List<INDArray> gradients(INDArray output, List<INDArray> inputs, boolean createGraph) {
		throw new UnsupportedOperationException("ND4J records no tape: the trainer's modules carry their own backward passes"
				+ " and R1 is estimated by finite differences (GradientPenalty)");
	}

	/** libnd4j's fused Adam updater op, one call per tensor, as the trainer's optimiser uses it. */
	@Override
	public Adam<INDArray> adam(List<INDArray> parameters, double lr, double beta1, double beta2) {
		List<INDArray> m = new ArrayList<>();
		List<INDArray> v = new ArrayList<>();
		for (INDArray p : parameters) {
			m.add(p.ulike().assign(0));
			v.add(p.ulike().assign(0));
		}
		int[] t = { 0 };
		return gradients -> {
			for (int i = 0; i < parameters.size(); i++) {
				INDArray update = gradients.get(i).dup();
				Nd4j.exec(new AdamUpdater(update, v.get(i), m.get(i), lr, beta1, beta2, 1e-8, t[0]));
				parameters.get(i).subi(update);
			}
			t[0]++;
		};
	}

	/** Nothing to close: ND4J frees off-heap buffers when the collector collects their Java objects. */
	@Override
	public AutoCloseable scope() {
		return () -> {
			// see above
		};
	}

	@Override
	public void close() {
		// nothing held beyond the Java objects
	}
}
