package org.ganworkbench.trainer.quality;

/**
 * Improved precision and recall (Kynkäänniemi et al. 2019): each set's manifold is the union of
 * balls around its samples reaching the k-th nearest neighbour in the same set. Precision is the
 * share of generated samples inside the real manifold (fidelity); recall the share of real samples
 * inside the generated manifold (diversity: a generator that drops modes loses recall).
 */
public final class PrecisionRecall {

	/** The paper's k. */
	static final int K = 3;

	private PrecisionRecall() {
	}

	/** Squared distance of each sample to its k-th nearest neighbour in its own set. */
	static double[] radii(Features set) {
		int n = set.count();
		double[] radii = new double[n];
		for (int from = 0; from < n; from += Features.chunk()) {
			int to = Math.min(n, from + Features.chunk());
			double[][] d = set.squaredDistances(set, from, to);
			for (int i = from; i < to; i++) {
				// the sample itself is its own nearest neighbour at distance 0: take the (k+1)-th smallest
				radii[i] = smallest(d[i - from], K + 1);
			}
		}
		return radii;
	}

	/** The share of {@code queries} within the radius of at least one sample of {@code manifold}. */
	static double covered(Features queries, Features manifold, double[] radii) {
		int n = queries.count();
		int inside = 0;
		for (int from = 0; from < n; from += Features.chunk()) {
			int to = Math.min(n, from + Features.chunk());
			double[][] d = queries.squaredDistances(manifold, from, to);
			for (double[] row : d) {
				for (int j = 0; j < row.length; j++) {
					if (row[j] <= radii[j]) {
						inside++;
						break;
					}
				}
			}
		}
		return inside / (double) n;
	}

	/**
	 * k-NN coverage (Naeem et al. 2020): the share of real samples whose own k-NN ball holds at least
	 * one generated sample. Unlike recall it is built on the real manifold only, so a few outlying
	 * generated samples with wide balls cannot inflate it: a generator that keeps one class of ten
	 * scores about that class's share.
	 */
	static double knnCoverage(Features real, double[] realRadii, Features fake) {
		int n = real.count();
		int covered = 0;
		for (int from = 0; from < n; from += Features.chunk()) {
			int to = Math.min(n, from + Features.chunk());
			double[][] d = real.squaredDistances(fake, from, to);
			for (int i = from; i < to; i++) {
				for (double distance : d[i - from]) {
					if (distance <= realRadii[i]) {
						covered++;
						break;
					}
				}
			}
		}
		return covered / (double) n;
	}

	/** The k-th smallest value (1-based) by keeping the k smallest in a sorted array. */
	static double smallest(double[] values, int k) {
		double[] best = new double[k];
		java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
		for (double v : values) {
			if (v < best[k - 1]) {
				int i = k - 1;
				while (i > 0 && best[i - 1] > v) {
					best[i] = best[i - 1];
					i--;
				}
				best[i] = v;
			}
		}
		return best[k - 1];
	}
}
