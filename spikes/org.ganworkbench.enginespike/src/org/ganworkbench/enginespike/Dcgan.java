package org.ganworkbench.enginespike;

import java.util.List;

import org.ganworkbench.enginespike.engine.Engine;
import org.ganworkbench.enginespike.layers.ScaledNoise;

/**
 * The DCGAN template (28x28x1: latent 64, batch 64, non-saturating loss, Adam 2e-4 / 0.5 / 0.999,
 * one D step per G step) on any {@link Engine}, the way the trainer's modules would be written on
 * one: forward passes only, gradients from the engine. D's parameters are in the trainer's order and
 * layouts, so the trainer's own tensors can be loaded into them (see R1Comparison).
 */
final class Dcgan<T> extends SpikeGan<T> {

	static final int LATENT = 64;
	static final int BATCH = 64;
	static final int SIZE = 28;
	private static final double EPS = 1e-5;
	private static final double SLOPE = 0.2;
	private static final int BASE = SIZE / 4;

	private final ScaledNoise noise = new ScaledNoise(0.1);
	private final T fcW, fcB, bn0G, bn0B, up1W, up1B, bn1G, bn1B, noiseScale, up2W, up2B;
	private final T d1W, d1B, d2W, d2B, bn2G, bn2B, outW, outB;
	private final Engine.Adam<T> adamG;
	private final Engine.Adam<T> adamD;

	Dcgan(Engine<T> engine) {
		super(engine);
		long units = 128L * BASE * BASE;
		fcW = weight(g, units, LATENT);
		fcB = filled(g, 0, units);
		bn0G = filled(g, 1, 128);
		bn0B = filled(g, 0, 128);
		up1W = weight(g, 128, 64, 4, 4);
		up1B = filled(g, 0, 64);
		bn1G = filled(g, 1, 64);
		bn1B = filled(g, 0, 64);
		noiseScale = filled(g, 1, 64);
		up2W = weight(g, 64, 1, 4, 4);
		up2B = filled(g, 0, 1);
		d1W = weight(d, 64, 1, 4, 4);
		d1B = filled(d, 0, 64);
		d2W = weight(d, 128, 64, 4, 4);
		d2B = filled(d, 0, 128);
		bn2G = filled(d, 1, 128);
		bn2B = filled(d, 0, 128);
		outW = weight(d, 1, units);
		outB = filled(d, 0, 1);
		adamG = e.adam(g, 2e-4, 0.5, 0.999);
		adamD = e.adam(d, 2e-4, 0.5, 0.999);
	}

	/** D's parameters: d1.W, d1.b, d2.W, d2.b, bn2.gamma, bn2.beta, out.W, out.b. */
	List<T> discriminatorParameters() {
		return d;
	}

	T generate(T z) {
		long n = e.shape(z)[0];
		T h = e.reshape(e.linear(z, fcW, fcB), n, 128, BASE, BASE);
		h = e.relu(e.batchNorm(h, bn0G, bn0B, EPS));
		h = e.relu(e.batchNorm(e.deconv2d(h, up1W, up1B, 2, 1), bn1G, bn1B, EPS));
		h = noise.forward(e, h, noiseScale);
		return e.tanh(e.deconv2d(h, up2W, up2B, 2, 1));
	}

	T discriminate(T x) {
		long n = e.shape(x)[0];
		T h = e.leakyRelu(e.conv2d(x, d1W, d1B, 2, 1), SLOPE);
		h = e.leakyRelu(e.batchNorm(e.conv2d(h, d2W, d2B, 2, 1), bn2G, bn2B, EPS), SLOPE);
		return e.linear(e.reshape(h, n, 128L * BASE * BASE), outW, outB);
	}

	@Override
	void step(float[][] pixels, int[][] labels) throws Exception {
		try (AutoCloseable scope = e.scope()) {
			T real = e.tensor(pixels[0], BATCH, 1, SIZE, SIZE);
			T fake;
			try (AutoCloseable forwardOnly = e.noGradients()) { // as the trainer: G forward only in the D step
				fake = generate(e.normal(BATCH, LATENT));
			}
			// real and generated batches through D separately: batch norm normalises each on its own
			T loss = e.add(e.mean(e.softplus(e.scale(discriminate(real), -1))), e.mean(e.softplus(discriminate(fake))));
			adamD.step(e.gradients(loss, d, false));
		}
		try (AutoCloseable scope = e.scope()) {
			T loss = e.mean(e.softplus(e.scale(discriminate(generate(e.normal(BATCH, LATENT))), -1)));
			adamG.step(e.gradients(loss, g, false));
		}
	}

	@Override
	int batch() {
		return BATCH;
	}

	@Override
	int dSteps() {
		return 1;
	}

	@Override
	int classes() {
		return 0;
	}
}
