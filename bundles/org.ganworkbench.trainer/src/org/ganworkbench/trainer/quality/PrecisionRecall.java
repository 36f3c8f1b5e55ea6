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

	/** Precision, recall and k-NN coverage of one generated set, as shares in [0, 1]. */
	record Result(double precision, double recall, double knnCoverage) {
	}

	/**
	 * Precision, recall and k-NN coverage (Naeem et al. 2020: the share of real samples whose own
	 * k-NN ball holds at least one generated sample) from one pass over the real-to-generated
	 * distances. Unlike recall, k-NN coverage is built on the real manifold only, so a few outlying
	 * generated samples with wide balls cannot inflate it: a generator that keeps one class of ten
	 * scores about that class's share.
	 *
	 * @param realRadii {@link #radii} of {@code real}, computed once per reference set
	 */
	static Result of(Features real, double[] realRadii, Features fake) {
		double[] fakeRadii = radii(fake);
		boolean[] fakeInsideReal = new boolean[fake.count()];
		int realInsideFake = 0;
		int realCovered = 0;
		for (int from = 0; from < real.count(); from += Features.chunk()) {
			int to = Math.min(real.count(), from + Features.chunk());
			double[][] d = real.squaredDistances(fake, from, to);
			for (int i = from; i < to; i++) {
				double[] row = d[i - from];
				boolean insideFake = false;
				boolean covered = false;
				for (int j = 0; j < row.length; j++) {
					if (row[j] <= realRadii[i]) {
						fakeInsideReal[j] = true;
						covered = true;
					}
					insideFake |= row[j] <= fakeRadii[j];
				}
				realInsideFake += insideFake ? 1 : 0;
				realCovered += covered ? 1 : 0;
			}
		}
		int precise = 0;
		for (boolean inside : fakeInsideReal) {
			precise += inside ? 1 : 0;
		}
		return new Result(precise / (double) fake.count(), realInsideFake / (double) real.count(),
				realCovered / (double) real.count());
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
