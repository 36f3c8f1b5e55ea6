package org.ganworkbench.enginespike.engine;

import java.util.List;

/**
 * The operations the trainer's modules would ask of an engine, so that a module is written once and
 * runs on ND4J or on libtorch. {@code T} is the engine's tensor type (INDArray, torch's Tensor).
 * Layouts are PyTorch's (and the trainer's): images NCHW, convolution weights [out, in, k, k],
 * transposed convolution weights [in, out, k, k], dense weights [out, in].
 *
 * <p>Differentiation is the engine's: {@link #gradients} records nothing itself. An engine without
 * a tape (ND4J as the trainer uses it) says so through {@link #hasAutograd()}; the trainer's modules
 * then keep their hand-written backward passes on it.
 */
public interface Engine<T> extends AutoCloseable {

	String name();

	// ---- tensors

	/** A trained tensor drawn from N(0, std), or filled with {@code value} when std is 0. */
	T parameter(double std, double value, long... shape);

	/** Data: a copy of the values in the given shape. */
	T tensor(float[] values, long... shape);

	/** Standard normal noise (not trained). */
	T normal(long... shape);

	float[] values(T x);

	long[] shape(T x);

	// ---- operations

	T conv2d(T x, T w, T bias, int stride, int padding);

	T deconv2d(T x, T w, T bias, int stride, int padding);

	/** Batch norm with the batch's own statistics (a training pass), per channel of an NCHW tensor. */
	T batchNorm(T x, T gain, T bias, double eps);

	/** x [N, in] times w [out, in] transposed, plus bias [out]. */
	T linear(T x, T w, T bias);

	T relu(T x);

	T leakyRelu(T x, double slope);

	T tanh(T x);

	T softplus(T x);

	T add(T a, T b);

	T sub(T a, T b);

	T mul(T a, T b);

	T scale(T x, double factor);

	T reshape(T x, long... shape);

	T div(T a, T b);

	T addScalar(T x, double value);

	T sqrt(T x);

	/** Average pooling 2x2, stride 2. */
	T avgPool2(T x);

	/** Nearest-neighbour upsampling by 2. */
	T upsample2(T x);

	T softmax(T x, int dim);

	/** Matrix product of 2-D tensors, or batched [N, a, b] x [N, b, c], either side transposed. */
	T matmul(T a, T b, boolean transposeA, boolean transposeB);

	T concat(T a, T b, int dim);

	/** Elements from..to (exclusive) along a dimension. */
	T slice(T x, int dim, long from, long to);

	/** Sums over the given dimensions, keeping them as size 1 when {@code keep}. */
	T sum(T x, boolean keep, long... dims);

	/** The same values, cut from differentiation. */
	T detach(T x);

	/** Copies value into target in place, unrecorded (optimiser state, EMA, spectral norm's u). */
	void assign(T target, T value);

	/** The mean of all elements, a scalar tensor. */
	T mean(T x);

	/** The sum of squares of all elements, a scalar tensor. */
	T sumOfSquares(T x);

	// ---- differentiation and updates

	boolean hasAutograd();

	/** Operations until it closes are not recorded for differentiation (a forward-only pass). */
	AutoCloseable noGradients();

	/**
	 * d output / d inputs for a scalar output. With {@code createGraph} the gradients are themselves
	 * differentiable (gradients of gradients, e.g. the exact R1 penalty).
	 */
	List<T> gradients(T output, List<T> inputs, boolean createGraph);

	/** Adam over the given parameters; {@link Adam#step} takes their gradients in the same order. */
	Adam<T> adam(List<T> parameters, double lr, double beta1, double beta2);

	interface Adam<T> {
		void step(List<T> gradients);
	}

	/**
	 * Frees every tensor made after it opened when it closes, except the parameters and optimiser
	 * state: one per training step, so native memory is released deterministically.
	 */
	AutoCloseable scope();

	@Override
	void close();
}
