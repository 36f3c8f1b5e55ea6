package org.ganworkbench.benchmarks;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The R3GAN-style template (32x32x3) on DJL: no normalisation layers, nearest-neighbour upsampling
 * and average-pool downsampling, the relativistic pairing loss with R1 and R2, EMA of G. R1 and R2
 * use the trainer's estimator (Peer.penalty), not double back-propagation, so both sides do the
 * same passes.
 */
final class PeerR3gan extends Peer {

	private static final int LATENT = 64;
	private static final float SLOPE = 0.2f;
	private static final double GAMMA = 0.1;

	private final NDArray fcW, fcB, c1W, c1B, c2W, c2B, rgbW, rgbB;
	private final NDArray d1W, d1B, d2W, d2B, d3W, d3B, outW, outB;
	private final int base;

	PeerR3gan(int size, int channels, int batch) {
		super(batch, 1, 2e-4, 2e-4, 0, 0.99, 0.999, 200);
		this.base = size / 4;
		fcW = weight(g, 128L * base * base, LATENT);
		fcB = zeros(g, 128L * base * base);
		c1W = weight(g, 64, 128, 3, 3);
		c1B = zeros(g, 64);
		c2W = weight(g, 32, 64, 3, 3);
		c2B = zeros(g, 32);
		rgbW = weight(g, channels, 32, 3, 3);
		rgbB = zeros(g, channels);
		d1W = weight(d, 32, channels, 3, 3);
		d1B = zeros(d, 32);
		d2W = weight(d, 64, 32, 3, 3);
		d2B = zeros(d, 64);
		d3W = weight(d, 128, 64, 3, 3);
		d3B = zeros(d, 128);
		outW = weight(d, 1, 128L * base * base);
		outB = zeros(d, 1);
		finishBuild();
	}

	@Override
	NDArray generate(NDArray z, NDArray labels, boolean updateState) {
		long n = z.getShape().get(0);
		NDArray h = Activation.leakyRelu(Ops.linear(z, fcW, fcB).reshape(n, 128, base, base), SLOPE);
		h = Activation.leakyRelu(Ops.conv(Ops.upsample(h), c1W, c1B, 1, -1), SLOPE);
		h = Activation.leakyRelu(Ops.conv(Ops.upsample(h), c2W, c2B, 1, -1), SLOPE);
		return Activation.tanh(Ops.conv(h, rgbW, rgbB, 1, -1));
	}

	@Override
	NDArray discriminate(NDArray x, NDArray labels, boolean updateState) {
		long n = x.getShape().get(0);
		NDArray h = Ops.avgPool(Activation.leakyRelu(Ops.conv(x, d1W, d1B, 1, -1), SLOPE));
		h = Ops.avgPool(Activation.leakyRelu(Ops.conv(h, d2W, d2B, 1, -1), SLOPE));
		h = Activation.leakyRelu(Ops.conv(h, d3W, d3B, 1, -1), SLOPE);
		return Ops.linear(h.reshape(n, -1), outW, outB);
	}

	@Override
	NDArray dLoss(NDArray r, NDArray f) {
		return Activation.softPlus(r.sub(f).neg()).mean();
	}

	@Override
	NDArray gLoss(NDArray f) {
		throw new UnsupportedOperationException("the relativistic loss compares with the real scores");
	}

	@Override
	NDArray gLoss(NDArray f, NDArray r) {
		return Activation.softPlus(f.sub(r).neg()).mean();
	}

	@Override
	boolean relativistic() {
		return true;
	}

	@Override
	double r1Gamma() {
		return GAMMA;
	}

	@Override
	double r2Gamma() {
		return GAMMA;
	}

	@Override
	boolean jointRealFake() {
		return true;
	}

	@Override
	int latentSize() {
		return LATENT;
	}

	@Override
	int classes() {
		return 0;
	}
}
