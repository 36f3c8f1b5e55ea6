package org.ganworkbench.benchmarks;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;

/**
 * The SN-GAN/BigGAN-style template (32x32x3, 4 classes) on DJL: hierarchical latents, shared class
 * embedding, class-conditional batch norm, residual G and D blocks, self-attention, projection D,
 * spectral norm everywhere, hinge loss, orthogonal regularisation of G, EMA. DJL has no spectral-norm
 * or conditional-batch-norm layer: both are written out here with the same formulas as the trainer.
 */
final class PeerSngan extends Peer {

	private static final int CHUNK = 32;
	private static final int CLASSES = 4;
	private static final double ORTHO = 1e-4;

	/** A weight with spectral norm. */
	private final class SnWeight {
		final NDArray w;
		final NDArray u;

		SnWeight(Net net, long... shape) {
			w = weight(net, shape);
			u = spectralU(net, shape[0]);
			if (net == g) {
				orthoWeights.add(w);
			}
		}

		NDArray get(boolean update) {
			return Ops.spectralNorm(w, u, update);
		}
	}

	private final class Conv {
		final SnWeight w;
		final NDArray b;
		final int padding;

		Conv(Net net, long in, long out, int k, boolean bias) {
			w = new SnWeight(net, out, in, k, k);
			b = bias ? zeros(net, out) : null;
			padding = k == 1 ? 0 : -1;
		}

		NDArray apply(NDArray x, boolean update) {
			return Ops.conv(x, w.get(update), b, 1, padding);
		}
	}

	/** Conditional batch norm: gain 1 + c Wg^T, bias c Wb^T per sample. */
	private final class Cbn {
		final SnWeight gain;
		final SnWeight bias;
		final NDArray mean;
		final NDArray var;
		final NDArray one;
		final NDArray zero;

		Cbn(long channels, long condition) {
			gain = new SnWeight(g, channels, condition);
			bias = new SnWeight(g, channels, condition);
			mean = statistic(g, 0, channels);
			var = statistic(g, 1, channels);
			one = root.ones(new ai.djl.ndarray.types.Shape(channels));
			zero = root.zeros(new ai.djl.ndarray.types.Shape(channels));
		}

		NDArray apply(NDArray x, NDArray c, boolean update) {
			NDArray normal = Ops.batchNorm(x, mean, var, one, zero, training);
			NDArray scale = Ops.linear(c, gain.get(update), null).add(1);
			NDArray shift = Ops.linear(c, bias.get(update), null);
			return normal.mul(Ops.perSample(scale)).add(Ops.perSample(shift));
		}
	}

	private final List<NDArray> orthoWeights = new ArrayList<>();
	private final int base;
	// G
	private final NDArray embedding;
	private final SnWeight fcW;
	private final NDArray fcB;
	private final Cbn g1n1, g1n2, g2n1, g2n2;
	private final Conv g1c1, g1c2, g2c1, g2c2, g2sc, theta, phi, gv, o, rgb;
	private final NDArray attGamma;
	private final BatchNorm bn;
	// D
	private final Conv d1c1, d1c2, d1sc, d2c1, d2c2, d2sc;
	private final SnWeight outW;
	private final NDArray outB;
	private final SnWeight projection;

	PeerSngan(int size, int channels, int batch) {
		super(batch, 2, 1e-4, 4e-4, 0, 0.999, 0.999, 200);
		base = size / 4;
		embedding = weight(g, CLASSES, CHUNK);
		fcW = new SnWeight(g, 64L * base * base, CHUNK);
		fcB = zeros(g, 64L * base * base);
		g1n1 = new Cbn(64, 2 * CHUNK);
		g1c1 = new Conv(g, 64, 64, 3, true);
		g1n2 = new Cbn(64, 2 * CHUNK);
		g1c2 = new Conv(g, 64, 64, 3, true);
		theta = new Conv(g, 64, 8, 1, false);
		phi = new Conv(g, 64, 8, 1, false);
		gv = new Conv(g, 64, 32, 1, false);
		o = new Conv(g, 32, 64, 1, false);
		attGamma = zeros(g, 1);
		g2n1 = new Cbn(64, 2 * CHUNK);
		g2c1 = new Conv(g, 64, 32, 3, true);
		g2n2 = new Cbn(32, 2 * CHUNK);
		g2c2 = new Conv(g, 32, 32, 3, true);
		g2sc = new Conv(g, 64, 32, 1, true);
		bn = batchNorm(g, 32);
		rgb = new Conv(g, 32, channels, 3, true);
		d1c1 = new Conv(d, channels, 64, 3, true);
		d1c2 = new Conv(d, 64, 64, 3, true);
		d1sc = new Conv(d, channels, 64, 1, true);
		d2c1 = new Conv(d, 64, 128, 3, true);
		d2c2 = new Conv(d, 128, 128, 3, true);
		d2sc = new Conv(d, 64, 128, 1, true);
		outW = new SnWeight(d, 1, 128);
		outB = zeros(d, 1);
		projection = new SnWeight(d, CLASSES, 128);
		finishBuild();
	}

	@Override
	NDArray generate(NDArray z, NDArray labels, boolean update) {
		long n = z.getShape().get(0);
		NDList chunks = z.split(3, 1);
		NDArray c = labels.oneHot(CLASSES).matMul(embedding);
		NDArray c1 = c.concat(chunks.get(1), 1);
		NDArray c2 = c.concat(chunks.get(2), 1);
		NDArray h = Ops.linear(chunks.get(0), fcW.get(update), fcB).reshape(n, 64, base, base);
		// gblock g1 (64 -> 64, up)
		NDArray m = Activation.relu(g1n1.apply(h, c1, update));
		m = g1c1.apply(Ops.upsample(m), update);
		m = g1c2.apply(Activation.relu(g1n2.apply(m, c1, update)), update);
		h = m.add(Ops.upsample(h));
		h = attention(h, update);
		// gblock g2 (64 -> 32, up)
		m = Activation.relu(g2n1.apply(h, c2, update));
		m = g2c1.apply(Ops.upsample(m), update);
		m = g2c2.apply(Activation.relu(g2n2.apply(m, c2, update)), update);
		h = m.add(g2sc.apply(Ops.upsample(h), update));
		h = Activation.relu(bn.apply(h, training));
		return Activation.tanh(rgb.apply(h, update));
	}

	private NDArray attention(NDArray x, boolean update) {
		long n = x.getShape().get(0), c = x.getShape().get(1), hh = x.getShape().get(2), ww = x.getShape().get(3);
		long positions = hh * ww;
		NDArray q = theta.apply(x, update).reshape(n, c / 8, positions);
		NDArray k = phi.apply(x, update).reshape(n, c / 8, positions);
		NDArray v = gv.apply(x, update).reshape(n, c / 2, positions);
		NDArray attention = Ops.matmul(q.transpose(0, 2, 1), k).softmax(2);
		NDArray mixed = Ops.matmul(v, attention.transpose(0, 2, 1)).reshape(n, c / 2, hh, ww);
		return x.add(o.apply(mixed, update).mul(attGamma));
	}

	@Override
	NDArray discriminate(NDArray x, NDArray labels, boolean update) {
		// dblock d1 (no pre-activation): conv, relu, conv, pool; shortcut: pool, 1x1 conv
		NDArray m = d1c2.apply(Activation.relu(d1c1.apply(x, update)), update);
		NDArray h = Ops.avgPool(m).add(d1sc.apply(Ops.avgPool(x), update));
		// dblock d2: relu, conv, relu, conv, pool; shortcut: 1x1 conv, pool
		m = d2c2.apply(Activation.relu(d2c1.apply(Activation.relu(h), update)), update);
		h = Ops.avgPool(m).add(Ops.avgPool(d2sc.apply(h, update)));
		NDArray features = Activation.relu(h).sum(new int[] { 2, 3 });
		NDArray e = labels.oneHot(CLASSES).matMul(projection.get(update));
		return Ops.linear(features, outW.get(update), outB).add(e.mul(features).sum(new int[] { 1 }, true));
	}

	@Override
	NDArray dLoss(NDArray r, NDArray f) {
		return Activation.relu(r.neg().add(1)).mean().add(Activation.relu(f.add(1)).mean());
	}

	@Override
	NDArray gLoss(NDArray f) {
		return f.mean().neg();
	}

	@Override
	NDArray gRegulariser() {
		NDArray total = null;
		for (NDArray w : orthoWeights) {
			NDArray m = w.reshape(w.getShape().get(0), -1);
			NDArray gram = m.matMul(m.transpose());
			NDArray off = gram.mul(step.eye((int) gram.getShape().get(0)).neg().add(1));
			NDArray term = off.square().sum();
			total = total == null ? term : total.add(term);
		}
		return total.mul(ORTHO);
	}

	@Override
	boolean jointRealFake() {
		return true; // no batch statistics in D: one pass, as BigGAN's code does
	}

	@Override
	int latentSize() {
		return 3 * CHUNK;
	}

	@Override
	int classes() {
		return CLASSES;
	}

}
