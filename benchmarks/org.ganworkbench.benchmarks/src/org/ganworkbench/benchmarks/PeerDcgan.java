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

	private final NDArray fcW, fcB, up1W, up1B, noiseScale, up2W, up2B;
	private final NDArray d1W, d1B, d2W, d2B, outW, outB;
	private final BatchNorm bn0, bn1, bn2;

	/** The template: the example noise layer, no EMA. */
	PeerDcgan(int size, int channels, int batch) {
		this(size, channels, batch, true, 0, Long.MAX_VALUE);
	}

	/** @param noiseLayer whether G has the template's example noise layer after bn1 */
	PeerDcgan(int size, int channels, int batch, boolean noiseLayer, double emaDecay, long emaStart) {
		super(batch, 1, 2e-4, 2e-4, 0.5, 0.999, emaDecay, emaStart);
		this.base = size / 4;

		long units = 128L * base * base;
		fcW = weight(g, units, LATENT);
		fcB = zeros(g, units);
		bn0 = batchNorm(g, 128);
		up1W = weight(g, 128, 64, 4, 4);
		up1B = zeros(g, 64);
		bn1 = batchNorm(g, 64);
		noiseScale = noiseLayer ? ones(g, 64) : null;
		up2W = weight(g, 64, channels, 4, 4);
		up2B = zeros(g, channels);
		d1W = weight(d, 64, channels, 4, 4);
		d1B = zeros(d, 64);
		d2W = weight(d, 128, 64, 4, 4);
		d2B = zeros(d, 128);
		bn2 = batchNorm(d, 128);
		outW = weight(d, 1, units);
		outB = zeros(d, 1);
		finishBuild();
	}

	@Override
	NDArray generate(NDArray z, NDArray labels, boolean updateState) {
		long n = z.getShape().get(0);
		NDArray h = Ops.linear(z, fcW, fcB).reshape(n, 128, base, base);
		h = Activation.relu(bn0.apply(h, training));
		h = Activation.relu(bn1.apply(Ops.deconv(h, up1W, up1B, 2, 1), training));
		if (noiseScale != null && training) {
			NDArray noise = h.getManager().randomNormal(h.getShape()).muli(NOISE_STRENGTH);
			h = h.add(noise.mul(noiseScale.reshape(1, 64, 1, 1)));
		}
		return Activation.tanh(Ops.deconv(h, up2W, up2B, 2, 1));
	}

	@Override
	NDArray discriminate(NDArray x, NDArray labels, boolean updateState) {
		long n = x.getShape().get(0);
		NDArray h = Activation.leakyRelu(Ops.conv(x, d1W, d1B, 2, 1), 0.2f);
		h = Activation.leakyRelu(bn2.apply(Ops.conv(h, d2W, d2B, 2, 1), training), 0.2f);
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
