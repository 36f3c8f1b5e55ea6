package org.ganworkbench.enginespike;

import java.util.ArrayList;
import java.util.List;

import org.ganworkbench.enginespike.engine.Engine;

/**
 * The SN-GAN/BigGAN-style template (32x32x3, 4 classes, batch 32) on any {@link Engine}, with the
 * same formulas as the trainer and the DJL peer: hierarchical latents, shared class embedding,
 * class-conditional batch norm, residual G and D blocks, self-attention, projection D, spectral norm
 * by one power iteration per pass, hinge loss, orthogonal regularisation of G, 2 D steps per G step,
 * Adam 1e-4 / 4e-4 with betas (0, 0.999), EMA of G from step 200, batch 32.
 */
final class Sngan<T> extends SpikeGan<T> {

	static final int BATCH = 32;
	static final int SIZE = 32;
	private static final int CHUNK = 32;
	private static final int CLASSES = 4;
	private static final double ORTHO = 1e-4;
	private static final double EPS = 1e-5;
	private static final double EMA_DECAY = 0.999;
	private static final long EMA_START = 200;

	/** W / sigma(W), sigma from one power iteration on a persistent u (advanced when asked). */
	private final class SnWeight {
		final T w;
		final T u;
		final long rows;
		final long columns;

		SnWeight(List<T> net, long... shape) {
			w = weight(net, shape);
			rows = shape[0];
			long rest = 1;
			for (int i = 1; i < shape.length; i++) {
				rest *= shape[i];
			}
			columns = rest;
			u = unitVector(rows);
			if (net == g) {
				orthogonal.add(this);
			}
		}

		T get(boolean update) {
			T m = e.reshape(w, rows, columns);
			T fixed = e.detach(m);
			T v = normalise(e.matmul(fixed, u, true, false));
			T left = u;
			if (update) {
				left = normalise(e.matmul(fixed, v, false, false));
				e.assign(u, left);
				left = u;
			}
			// the gradient flows through W only, u and v held fixed (Miyato et al., the trainer)
			T sigma = e.matmul(e.matmul(left, m, true, false), v, false, false);
			return e.div(w, e.reshape(sigma, 1));
		}

		private T normalise(T x) {
			return e.div(x, e.addScalar(e.sqrt(e.sumOfSquares(x)), 1e-12));
		}
	}

	private final class Conv {
		final SnWeight w;
		final T b;
		final int padding;

		Conv(List<T> net, long in, long out, int k, boolean bias) {
			w = new SnWeight(net, out, in, k, k);
			b = bias ? filled(net, 0, out) : null;
			padding = k / 2;
		}

		T apply(T x, boolean update) {
			return e.conv2d(x, w.get(update), b, 1, padding);
		}
	}

	/** Conditional batch norm: the batch's statistics, then gain 1 + c Wg^T and bias c Wb^T per sample. */
	private final class Cbn {
		final SnWeight gain;
		final SnWeight bias;
		final T one;
		final T zero;

		Cbn(long channels, long condition) {
			gain = new SnWeight(g, channels, condition);
			bias = new SnWeight(g, channels, condition);
			one = e.tensor(filledArray(channels, 1), channels);
			zero = e.tensor(filledArray(channels, 0), channels);
		}

		T apply(T x, T c, boolean update) {
			long n = e.shape(x)[0];
			long channels = e.shape(x)[1];
			T normal = e.batchNorm(x, one, zero, EPS);
			T scale = e.addScalar(e.matmul(c, gain.get(update), false, true), 1);
			T shift = e.matmul(c, bias.get(update), false, true);
			return e.add(e.mul(normal, e.reshape(scale, n, channels, 1, 1)), e.reshape(shift, n, channels, 1, 1));
		}
	}

	private final List<SnWeight> orthogonal = new ArrayList<>();
	private final int base = SIZE / 4;
	private final T embedding, fcB, attGamma, bnG, bnB, outB;
	private final SnWeight fcW, outW, projection;
	private final Cbn g1n1, g1n2, g2n1, g2n2;
	private final Conv g1c1, g1c2, g2c1, g2c2, g2sc, theta, phi, gv, o, rgb;
	private final Conv d1c1, d1c2, d1sc, d2c1, d2c2, d2sc;
	private final Engine.Adam<T> adamG;
	private final Engine.Adam<T> adamD;
	private final List<T> ema = new ArrayList<>();
	private long steps;

	Sngan(Engine<T> engine) {
		super(engine);
		embedding = weight(g, CLASSES, CHUNK);
		fcW = new SnWeight(g, 64L * base * base, CHUNK);
		fcB = filled(g, 0, 64L * base * base);
		g1n1 = new Cbn(64, 2 * CHUNK);
		g1c1 = new Conv(g, 64, 64, 3, true);
		g1n2 = new Cbn(64, 2 * CHUNK);
		g1c2 = new Conv(g, 64, 64, 3, true);
		theta = new Conv(g, 64, 8, 1, false);
		phi = new Conv(g, 64, 8, 1, false);
		gv = new Conv(g, 64, 32, 1, false);
		o = new Conv(g, 32, 64, 1, false);
		attGamma = filled(g, 0, 1);
		g2n1 = new Cbn(64, 2 * CHUNK);
		g2c1 = new Conv(g, 64, 32, 3, true);
		g2n2 = new Cbn(32, 2 * CHUNK);
		g2c2 = new Conv(g, 32, 32, 3, true);
		g2sc = new Conv(g, 64, 32, 1, true);
		bnG = filled(g, 1, 32);
		bnB = filled(g, 0, 32);
		rgb = new Conv(g, 32, 3, 3, true);
		d1c1 = new Conv(d, 3, 64, 3, true);
		d1c2 = new Conv(d, 64, 64, 3, true);
		d1sc = new Conv(d, 3, 64, 1, true);
		d2c1 = new Conv(d, 64, 128, 3, true);
		d2c2 = new Conv(d, 128, 128, 3, true);
		d2sc = new Conv(d, 64, 128, 1, true);
		outW = new SnWeight(d, 1, 128);
		outB = filled(d, 0, 1);
		projection = new SnWeight(d, CLASSES, 128);
		adamG = e.adam(g, 1e-4, 0, 0.999);
		adamD = e.adam(d, 4e-4, 0, 0.999);
		for (T p : g) {
			ema.add(e.detach(e.scale(p, 1))); // a copy, cut from the tape
		}
	}

	private static float[] filledArray(long length, float value) {
		float[] out = new float[(int) length];
		java.util.Arrays.fill(out, value);
		return out;
	}

	T generate(T z, T labels, boolean update) {
		long n = e.shape(z)[0];
		T c = e.matmul(labels, embedding, false, false);
		T c1 = e.concat(c, e.slice(z, 1, CHUNK, 2 * CHUNK), 1);
		T c2 = e.concat(c, e.slice(z, 1, 2 * CHUNK, 3 * CHUNK), 1);
		T h = e.reshape(e.linear(e.slice(z, 1, 0, CHUNK), fcW.get(update), fcB), n, 64, base, base);
		T m = e.relu(g1n1.apply(h, c1, update));
		m = g1c1.apply(e.upsample2(m), update);
		m = g1c2.apply(e.relu(g1n2.apply(m, c1, update)), update);
		h = e.add(m, e.upsample2(h));
		h = attention(h, update);
		m = e.relu(g2n1.apply(h, c2, update));
		m = g2c1.apply(e.upsample2(m), update);
		m = g2c2.apply(e.relu(g2n2.apply(m, c2, update)), update);
		h = e.add(m, g2sc.apply(e.upsample2(h), update));
		h = e.relu(e.batchNorm(h, bnG, bnB, EPS));
		return e.tanh(rgb.apply(h, update));
	}

	private T attention(T x, boolean update) {
		long[] s = e.shape(x);
		long n = s[0], c = s[1], positions = s[2] * s[3];
		T q = e.reshape(theta.apply(x, update), n, c / 8, positions);
		T k = e.reshape(phi.apply(x, update), n, c / 8, positions);
		T v = e.reshape(gv.apply(x, update), n, c / 2, positions);
		T weights = e.softmax(e.matmul(q, k, true, false), 2);
		T mixed = e.reshape(e.matmul(v, weights, false, true), n, c / 2, s[2], s[3]);
		return e.add(x, e.mul(o.apply(mixed, update), attGamma));
	}

	T discriminate(T x, T labels, boolean update) {
		T m = d1c2.apply(e.relu(d1c1.apply(x, update)), update);
		T h = e.add(e.avgPool2(m), d1sc.apply(e.avgPool2(x), update));
		m = d2c2.apply(e.relu(d2c1.apply(e.relu(h), update)), update);
		h = e.add(e.avgPool2(m), e.avgPool2(d2sc.apply(h, update)));
		T features = e.sum(e.relu(h), false, 2, 3);
		T embedded = e.matmul(labels, projection.get(update), false, false);
		return e.add(e.linear(features, outW.get(update), outB), e.sum(e.mul(embedded, features), true, 1));
	}

	private T orthogonalPenalty() {
		T total = null;
		for (SnWeight w : orthogonal) {
			T m = e.reshape(w.w, w.rows, w.columns);
			float[] offDiagonal = filledArray(w.rows * w.rows, 1);
			for (int i = 0; i < w.rows; i++) {
				offDiagonal[(int) (i * w.rows + i)] = 0;
			}
			T term = e.sumOfSquares(e.mul(e.matmul(m, m, false, true), e.tensor(offDiagonal, w.rows, w.rows)));
			total = total == null ? term : e.add(total, term);
		}
		return e.scale(total, ORTHO);
	}

	@Override
	void step(float[][] pixels, int[][] labels) throws Exception {
		steps++;
		for (int k = 0; k < dSteps(); k++) {
			try (AutoCloseable scope = e.scope()) {
				T real = e.tensor(pixels[k], BATCH, 3, SIZE, SIZE);
				T fakeLabels = oneHot(randomLabels(BATCH, CLASSES), CLASSES);
				T fake;
				try (AutoCloseable forwardOnly = e.noGradients()) {
					fake = generate(e.normal(BATCH, 3 * CHUNK), fakeLabels, true);
				}
				// no batch statistics in D: real and generated images in one pass, as BigGAN's code does
				T both = discriminate(e.concat(real, fake, 0), e.concat(oneHot(labels[k], CLASSES), fakeLabels, 0), true);
				T r = e.slice(both, 0, 0, BATCH);
				T f = e.slice(both, 0, BATCH, 2 * BATCH);
				T loss = e.add(e.mean(e.relu(e.addScalar(e.scale(r, -1), 1))), e.mean(e.relu(e.addScalar(f, 1))));
				adamD.step(e.gradients(loss, d, false));
			}
		}
		try (AutoCloseable scope = e.scope()) {
			T fakeLabels = oneHot(randomLabels(BATCH, CLASSES), CLASSES);
			T fake = generate(e.normal(BATCH, 3 * CHUNK), fakeLabels, true);
			T loss = e.add(e.scale(e.mean(discriminate(fake, fakeLabels, false)), -1), orthogonalPenalty());
			adamG.step(e.gradients(loss, g, false));
			try (AutoCloseable off = e.noGradients()) {
				for (int i = 0; i < g.size(); i++) {
					T p = g.get(i);
					e.assign(ema.get(i), steps < EMA_START ? p : e.add(e.scale(ema.get(i), EMA_DECAY), e.scale(p, 1 - EMA_DECAY)));
				}
			}
		}
	}

	@Override
	int batch() {
		return BATCH;
	}

	@Override
	int dSteps() {
		return 2;
	}

	@Override
	int classes() {
		return CLASSES;
	}
}
