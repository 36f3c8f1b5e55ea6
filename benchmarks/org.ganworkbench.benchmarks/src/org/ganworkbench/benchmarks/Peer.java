package org.ganworkbench.benchmarks;

import java.util.ArrayList;
import java.util.List;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

/**
 * The PyTorch side: a GAN written directly on DJL's NDArray operations with autograd, trained with the
 * same algorithm as the project's trainer (G forward without gradient for the D step, PyTorch's fused Adam,
 * spectral norm by one power iteration per pass, EMA of G). Subclasses define the two networks.
 */
abstract class Peer implements AutoCloseable {

	/** A network's tensors: trained parameters, state (batch-norm statistics, spectral-norm u) and Adam moments. */
	static final class Net {
		final List<NDArray> params = new ArrayList<>();
		final List<NDArray> state = new ArrayList<>();
		final List<NDArray> weights = new ArrayList<>();
		final List<NDArray> m = new ArrayList<>();
		final List<NDArray> v = new ArrayList<>();
		long counted;
		long t;
	}

	protected final NDManager root;
	protected final Net g = new Net();
	protected final Net d = new Net();
	protected final int batch;
	protected final int dSteps;
	private final double lrG;
	private final double lrD;
	private final double beta1;
	private final double beta2;
	/** G's EMA copy; without EMA it copies G after every step, as the trainer's does. */
	private List<NDArray> ema;
	private final double emaDecay;
	private final long emaStart;
	protected NDManager step;
	protected long stepCount;
	/** Batch statistics and noise layers on; off when sampling for the quality comparison. */
	protected boolean training = true;

	Peer(int batch, int dSteps, double lrG, double lrD, double beta1, double beta2, double emaDecay, long emaStart) {
		this.root = NDManager.newBaseManager();
		this.batch = batch;
		this.dSteps = dSteps;
		this.lrG = lrG;
		this.lrD = lrD;
		this.beta1 = beta1;
		this.beta2 = beta2;
		this.emaDecay = emaDecay;
		this.emaStart = emaStart;
	}

	/** Creates G's EMA copy once both networks exist. */
	protected void finishBuild() {
		ema = new ArrayList<>();
		for (NDArray a : emaSources()) {
			ema.add(a.duplicate());
		}
		for (Net net : List.of(g, d)) {
			for (NDArray p : net.params) {
				net.m.add(root.zeros(p.getShape()));
				net.v.add(root.zeros(p.getShape()));
			}
		}
	}

	private List<NDArray> emaSources() {
		List<NDArray> all = new ArrayList<>(g.params);
		all.addAll(g.state);
		return all;
	}

	// ---- tensors

	NDArray weight(Net net, long... shape) {
		NDArray w = root.randomNormal(0, 0.02f, new Shape(shape), DataType.FLOAT32);
		return trained(net, w);
	}

	NDArray zeros(Net net, long... shape) {
		return trained(net, root.zeros(new Shape(shape)));
	}

	NDArray ones(Net net, long... shape) {
		return trained(net, root.ones(new Shape(shape)));
	}

	private NDArray trained(Net net, NDArray a) {
		a.setRequiresGradient(true);
		net.params.add(a);
		net.counted += a.size();
		return a;
	}

	/** Batch-norm running statistics: counted like the trainer counts them (DL4J's convention). */
	/** A batch norm's gain and bias (trained) and running statistics (state, counted as the trainer counts them). */
	record BatchNorm(NDArray gain, NDArray bias, NDArray mean, NDArray variance) {
		NDArray apply(NDArray x, boolean training) {
			return Ops.batchNorm(x, mean, variance, gain, bias, training);
		}
	}

	BatchNorm batchNorm(Net net, long channels) {
		return new BatchNorm(ones(net, channels), zeros(net, channels), statistic(net, 0, channels),
				statistic(net, 1, channels));
	}

	NDArray statistic(Net net, float value, long channels) {
		NDArray a = root.full(new Shape(channels), value);
		net.state.add(a);
		net.counted += channels;
		return a;
	}

	/** Spectral norm's persistent u: state, not counted. */
	NDArray spectralU(Net net, long out) {
		NDArray u = root.randomNormal(new Shape(out, 1));
		u.divi(u.norm().add(1e-12));
		net.state.add(u);
		return u;
	}

	// ---- training

	/** G's output for latents and labels (labels null for unconditional models). */
	abstract NDArray generate(NDArray z, NDArray labels, boolean updateState);

	/** D's scores [N, 1]. */
	abstract NDArray discriminate(NDArray images, NDArray labels, boolean updateState);

	abstract NDArray dLoss(NDArray real, NDArray fake);

	abstract NDArray gLoss(NDArray fake);

	/** G's loss for losses that compare with D's scores of real images (relativistic). */
	NDArray gLoss(NDArray fake, NDArray real) {
		return gLoss(fake);
	}

	/** Whether G's loss needs D's scores of the last real batch. */
	boolean relativistic() {
		return false;
	}

	/** R1 and R2 weights, 0 for none. */
	double r1Gamma() {
		return 0;
	}

	double r2Gamma() {
		return 0;
	}

	/** Whether real and generated images go through D as one batch (no batch statistics in D). */
	abstract boolean jointRealFake();

	/** Extra terms of G's loss (orthogonal regularisation). */
	NDArray gRegulariser() {
		return null;
	}

	abstract int latentSize();

	abstract int classes();

	/** One G step with its D steps; {@code real} holds dSteps batches, {@code labels} their classes. */
	void trainStep(float[][] real, int[][] labels, Shape imageShape) {
		stepCount++;
		try (NDManager s = root.newSubManager()) {
			step = s;
			attachAll(s);
			NDArray images = null;
			NDArray classes = null;
			for (int k = 0; k < dSteps; k++) {
				images = s.create(real[k], new Shape(batch).addAll(imageShape));
				classes = classes() > 0 ? s.create(labels[k]) : null;
				discriminatorStep(images, classes);
			}
			generatorStep(images, classes);
		}
	}

	private void attachAll(NDManager s) {
		for (Net net : List.of(g, d)) {
			for (List<NDArray> list : List.of(net.params, net.state, net.m, net.v)) {
				list.forEach(a -> a.tempAttach(s));
			}
		}
		ema.forEach(a -> a.tempAttach(s));
	}

	private NDArray randomLabels() {
		return classes() > 0 ? step.randomInteger(0, classes(), new Shape(batch), DataType.INT32) : null;
	}

	private void discriminatorStep(NDArray real, NDArray realLabels) {
		NDArray fakeLabels = randomLabels();
		// like the trainer: G runs forward only (no graph is recorded outside the collector)
		NDArray fake = generate(step.randomNormal(new Shape(batch, latentSize())), fakeLabels, true);
		zeroGradients(d);
		try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
			NDArray r;
			NDArray f;
			if (jointRealFake()) {
				NDArray labels = realLabels == null ? null : realLabels.concat(fakeLabels);
				NDArray both = discriminate(real.concat(fake), labels, true);
				r = both.get("0:" + batch);
				f = both.get(batch + ":");
			} else {
				r = discriminate(real, realLabels, true);
				f = discriminate(fake, fakeLabels, false);
			}
			NDArray loss = dLoss(r, f);
			if (r1Gamma() > 0) {
				loss = loss.add(penalty(real, realLabels, r1Gamma()));
			}
			if (r2Gamma() > 0) {
				loss = loss.add(penalty(fake, fakeLabels, r2Gamma()));
			}
			collector.backward(loss);
			// what the trainer measures in every D step (its metrics): gradient norm, D's outputs, r_t
			gradientNorm(d);
			r.gt(0).toType(DataType.FLOAT32, false).mul(2).sub(1).mean().getFloat();
			r.mean().getFloat();
			f.mean().getFloat();
		}
		adam(d, lrD);
	}

	private static float gradientNorm(Net net) {
		float sum = 0;
		for (NDArray p : net.params) {
			if (p.hasGradient()) {
				float n = p.getGradient().norm().getFloat();
				sum += n * n;
			}
		}
		return (float) Math.sqrt(sum);
	}

	/** The trainer's non-finite check of every weight after each step. */
	private void checkWeights() {
		for (Net net : List.of(g, d)) {
			for (NDArray p : net.params) {
				if (!Float.isFinite(p.sum().getFloat())) {
					throw new IllegalStateException("the peer diverged");
				}
			}
		}
	}

	/**
	 * The trainer's R1/R2 estimator (GradientPenalty, one direction): s = (D(x + h v) - D(x - h v)) / 2h
	 * estimates v . grad_x D; the surrogate gamma / (2 h n) sum(s (D(x + h v) - D(x - h v))), s held
	 * fixed, has the estimate's gradient in D's parameters. Two D passes each way, as the trainer does.
	 */
	private NDArray penalty(NDArray x, NDArray labels, double gamma) {
		float h = 1e-2f;
		NDArray v = step.randomNormal(x.getShape());
		NDArray diff = discriminate(x.add(v.mul(h)), labels, false).sub(discriminate(x.sub(v.mul(h)), labels, false));
		NDArray s = diff.stopGradient().div(2 * h);
		return s.mul(diff).sum().mul(gamma / (2 * h * batch));
	}

	/** @param real the last D step's real batch (the relativistic loss compares with its scores) */
	private void generatorStep(NDArray real, NDArray realLabels) {
		zeroGradients(g);
		// D's weight gradients are not needed in the G step (the trainer skips them too)
		d.params.forEach(p -> p.setRequiresGradient(false));
		NDArray labels = randomLabels();
		NDArray z = step.randomNormal(new Shape(batch, latentSize()));
		// like the trainer: the real scores are computed without a graph (no gradient reaches G through them)
		NDArray r = relativistic() ? discriminate(real, realLabels, false) : null;
		try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
			NDArray fake = generate(z, labels, true);
			NDArray f = discriminate(fake, labels, false);
			NDArray loss = r == null ? gLoss(f) : gLoss(f, r);
			NDArray reg = gRegulariser();
			collector.backward(reg == null ? loss : loss.add(reg));
			gradientNorm(g);
		} finally {
			d.params.forEach(p -> p.setRequiresGradient(true));
		}
		adam(g, lrG);
		updateEma();
		checkWeights();
	}

	private static void zeroGradients(Net net) {
		for (NDArray p : net.params) {
			if (p.hasGradient()) {
				p.getGradient().muli(0);
			}
		}
	}

	private void adam(Net net, double lr) {
		net.t++;
		float corrected = (float) (lr * Math.sqrt(1 - Math.pow(beta2, net.t)) / (1 - Math.pow(beta1, net.t)));
		for (int i = 0; i < net.params.size(); i++) {
			NDArray p = net.params.get(i);
			if (!p.hasGradient()) {
				continue;
			}
			// the engine's fused Adam (one native call per tensor, as the trainer's libnd4j updater op):
			// m and v updated in place, p -= corrected * m / (sqrt(v) + eps); no decay, no clipping
			p.getNDArrayInternal().adamUpdate(new NDList(p, p.getGradient(), net.m.get(i), net.v.get(i)), new NDList(p),
					(float) lr, corrected, 0f, 1f, -1f, (float) beta1, (float) beta2, 1e-8f, false, false);
		}
	}

	private void updateEma() {
		List<NDArray> sources = emaSources();
		for (int i = 0; i < ema.size(); i++) {
			NDArray target = ema.get(i);
			if (emaDecay == 0 || stepCount < emaStart) {
				target.muli(0).addi(sources.get(i));
			} else {
				target.muli(emaDecay).addi(sources.get(i).mul(1 - emaDecay));
			}
		}
	}

	/**
	 * {@code count} images from G's EMA weights with running batch statistics and no noise (as the
	 * trainer samples for its quality metrics), in [-1, 1], NCHW, flattened. Replaces G's weights by
	 * the EMA's: for the end of training.
	 */
	float[] sample(int count, long seed) {
		List<NDArray> sources = emaSources();
		for (int i = 0; i < ema.size(); i++) {
			sources.get(i).muli(0).addi(ema.get(i));
		}
		training = false;
		float[] out = null;
		int size = 0;
		root.getEngine().setRandomSeed((int) seed);
		for (int from = 0; from < count; from += 250) {
			int n = Math.min(250, count - from);
			try (NDManager s = root.newSubManager()) {
				step = s;
				attachAll(s);
				NDArray labels = classes() > 0 ? s.arange(from, from + n).toType(DataType.INT32, false).mod(classes()) : null;
				float[] images = generate(s.randomNormal(new Shape(n, latentSize())), labels, false).toFloatArray();
				if (out == null) {
					size = images.length / n;
					out = new float[count * size];
				}
				System.arraycopy(images, 0, out, from * size, images.length);
			}
		}
		training = true;
		return out;
	}

	long parameterCount() {
		return g.counted + d.counted;
	}

	long[] parameterCounts() {
		return new long[] { g.counted, d.counted };
	}

	/**
	 * Multiply-accumulates of one forward pass per image: {G, D} as the model defines them (what the
	 * trainer executes), then {G, D} as the peer's kernels execute them.
	 */
	double[] forwardMacs(Shape imageShape) {
		try (NDManager s = root.newSubManager()) {
			step = s;
			attachAll(s);
			Ops.countMacs(true);
			NDArray labels = randomLabels();
			NDArray fake = generate(s.randomNormal(new Shape(batch, latentSize())), labels, false);
			double[] g = Ops.countMacs(true);
			discriminate(fake, labels, false);
			double[] d = Ops.countMacs(false);
			return new double[] { g[0] / batch, d[0] / batch, g[1] / batch, d[1] / batch };
		}
	}

	@Override
	public void close() {
		root.close();
	}

	static NDList list(NDArray... arrays) {
		return new NDList(arrays);
	}
}
