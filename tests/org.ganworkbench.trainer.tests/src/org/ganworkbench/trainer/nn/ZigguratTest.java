package org.ganworkbench.trainer.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

/** The noise layers' normal values: standard normal, and a function of the seed alone. */
class ZigguratTest {

	@Test
	void momentsAndTailsOfAStandardNormal() {
		int n = 4_000_000;
		float[] x = Ziggurat.normal(n, 11);
		double sum = 0, sum2 = 0, sum4 = 0;
		long beyond2 = 0, beyondR = 0;
		for (float v : x) {
			sum += v;
			sum2 += v * v;
			sum4 += (double) v * v * v * v;
			beyond2 += Math.abs(v) > 2 ? 1 : 0;
			beyondR += Math.abs(v) > 3.5 ? 1 : 0; // beyond the ziggurat's base: the tail algorithm
		}
		double mean = sum / n, variance = sum2 / n - mean * mean;
		// standard errors: mean 5e-4, variance 7e-4, kurtosis 1.2e-3, tail fractions 1e-4 and 1e-5
		assertEquals(0, mean, 0.003, "mean");
		assertEquals(1, variance, 0.004, "variance");
		assertEquals(3, sum4 / n, 0.02, "fourth moment");
		assertEquals(0.0455003, (double) beyond2 / n, 0.0006, "P(|x| > 2)");
		assertEquals(4.6525e-4, (double) beyondR / n, 0.00006, "P(|x| > 3.5)");
	}

	@Test
	void kolmogorovSmirnovAgainstTheNormalCdf() {
		float[] x = Ziggurat.normal(200_000, 5);
		Arrays.sort(x);
		double d = 0;
		for (int i = 0; i < x.length; i++) {
			double cdf = normalCdf(x[i]);
			d = Math.max(d, Math.max((i + 1.0) / x.length - cdf, cdf - (double) i / x.length));
		}
		// the 1% critical value of D for n = 200,000
		assertTrue(d < 1.63 / Math.sqrt(x.length), "KS distance " + d);
	}

	@Test
	void theSeedAloneDeterminesTheValues() throws Exception {
		float[] a = Ziggurat.normal(300_001, 42);
		float[] oneThread = new ForkJoinPool(1).submit(() -> Ziggurat.normal(300_001, 42)).get();
		assertArrayEquals(a, oneThread);
		assertArrayEquals(a, Ziggurat.normal(300_001, 42));
		assertFalse(Arrays.equals(a, Ziggurat.normal(300_001, 43)));
	}

	/** Abramowitz and Stegun 7.1.26 (error under 1.5e-7). */
	private static double normalCdf(double x) {
		double z = Math.abs(x) / Math.sqrt(2);
		double t = 1 / (1 + 0.3275911 * z);
		double erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
				* Math.exp(-z * z);
		return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
	}
}
