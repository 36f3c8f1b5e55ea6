package org.ganworkbench.benchmarks;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The DCGAN template (28x28x1, non-saturating loss, batch norm, the example noise layer) on DJL. The
 * custom noise layer is written as what it computes: x + strength * scale[c] * N(0, 1).
 */
final class PeerDcgan extends Peer {

	private static final int LATENT = 64;
	private static final float NOISE_STRENGTH = 0.1f;

	private final int base;

	private final NDArray fcW, fcB, bn0g, bn0b, bn0m, bn0v, up1W, up1B, bn1g, bn1b, bn1m, bn1v, noiseScale, up2W, up2B;
	private final NDArray d1W, d1B, d2W, d2B, bn2g, bn2b, bn2m, bn2v, outW, outB;

	PeerDcgan(int size, int channels, int batch) {
		super(batch, 1, 2e-4, 2e-4, 0.5, 0.999, 0, Long.MAX_VALUE);
		this.base = size / 4;

		long units = 128L * base * base;
		fcW = weight(g, units, LATENT);
		fcB = zeros(g, units);
		bn0g = ones(g, 128);
		bn0b = zeros(g, 128);
		bn0m = statistic(g, 0, 128);
		bn0v = statistic(g, 1, 128);
		up1W = weight(g, 128, 64, 4, 4);
		up1B = zeros(g, 64);
		bn1g = ones(g, 64);
		bn1b = zeros(g, 64);
		bn1m = statistic(g, 0, 64);
		bn1v = statistic(g, 1, 64);
		noiseScale = ones(g, 64);
		up2W = weight(g, 64, channels, 4, 4);
		up2B = zeros(g, channels);
		d1W = weight(d, 64, channels, 4, 4);
		d1B = zeros(d, 64);
		d2W = weight(d, 128, 64, 4, 4);
		d2B = zeros(d, 128);
		bn2g = ones(d, 128);
		bn2b = zeros(d, 128);
		bn2m = statistic(d, 0, 128);
		bn2v = statistic(d, 1, 128);
		outW = weight(d, 1, units);
		outB = zeros(d, 1);
		finishBuild();
	}

	@Override
	NDArray generate(NDArray z, NDArray labels, boolean updateState) {
		long n = z.getShape().get(0);
		NDArray h = Ops.linear(z, fcW, fcB).reshape(n, 128, base, base);
		h = Activation.relu(Ops.batchNorm(h, bn0m, bn0v, bn0g, bn0b));
		h = Activation.relu(Ops.batchNorm(Ops.deconv(h, up1W, up1B, 2, 1), bn1m, bn1v, bn1g, bn1b));
		NDArray noise = h.getManager().randomNormal(h.getShape()).muli(NOISE_STRENGTH);
		h = h.add(noise.mul(noiseScale.reshape(1, 64, 1, 1)));
		return Activation.tanh(Ops.deconv(h, up2W, up2B, 2, 1));
	}

	@Override
	NDArray discriminate(NDArray x, NDArray labels, boolean updateState) {
		long n = x.getShape().get(0);
		NDArray h = Activation.leakyRelu(Ops.conv(x, d1W, d1B, 2, 1), 0.2f);
		h = Activation.leakyRelu(Ops.batchNorm(Ops.conv(h, d2W, d2B, 2, 1), bn2m, bn2v, bn2g, bn2b), 0.2f);
		return Ops.linear(h.reshape(n, -1), outW, outB);
	}

	@Override
	NDArray dLoss(NDArray r, NDArray f) {
		return Activation.softPlus(r.neg()).mean().add(Activation.softPlus(f).mean());
	}

	@Override
	NDArray gLoss(NDArray f) {
		return Activation.softPlus(f.neg()).mean();
	}

	@Override
	boolean jointRealFake() {
		return false; // batch norm in D: real and generated batches are normalised separately
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
