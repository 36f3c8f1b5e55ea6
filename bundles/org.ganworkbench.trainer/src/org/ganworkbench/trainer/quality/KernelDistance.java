package org.ganworkbench.trainer.quality;

/**
 * KID (Binkowski et al. 2018): the squared MMD between feature sets with the cubic polynomial kernel
 * k(x, y) = (x.y / d + 1)^3, estimated without bias. The sets are cut into disjoint blocks of equal
 * size; each block gives an unbiased estimate, and their spread gives the standard error of the mean.
 * The features are used as they are: scaling them by a statistic of either sample would correlate
 * the kernel with the sample and bias the estimate by O(1/n), so values are on this network's scale.
 */
public final class KernelDistance {

	/** Binkowski et al. use subsets of 1000; 500 leaves 10 blocks in 5000 samples for the error. */
	static final int BLOCK = 500;

	public record Estimate(double value, double standardError, int blocks) {
	}

	private KernelDistance() {
	}

	public static Estimate between(Features x, Features y) {
		int n = Math.min(x.count(), y.count());
		int block = Math.min(BLOCK, n / 2);
		int blocks = n / block;
		double[] estimates = new double[blocks];
		for (int b = 0; b < blocks; b++) {
			Features xb = x.rows(b * block, (b + 1) * block);
			Features yb = y.rows(b * block, (b + 1) * block);
			estimates[b] = unbiasedMmd2(xb, yb);
			xb.close();
			yb.close();
		}
		double mean = 0;
		for (double e : estimates) {
			mean += e;
		}
		mean /= blocks;
		double variance = 0;
		for (double e : estimates) {
			variance += (e - mean) * (e - mean);
		}
		double se = blocks > 1 ? Math.sqrt(variance / (blocks - 1) / blocks) : Double.NaN;
		return new Estimate(mean, se, blocks);
	}

	/** Within-set sums leave out the diagonal k(x_i, x_i): that is what removes the bias. */
	static double unbiasedMmd2(Features x, Features y) {
		int m = x.count();
		int d = x.dimension();
		double xx = offDiagonalSum(kernel(x.dot(x), d));
		double yy = offDiagonalSum(kernel(y.dot(y), d));
		double[][] kxy = kernel(x.dot(y), d);
		double xy = 0;
		for (double[] row : kxy) {
			for (double v : row) {
				xy += v;
			}
		}
		return xx / (m * (m - 1.0)) + yy / (m * (m - 1.0)) - 2 * xy / ((double) m * m);
	}

	private static double[][] kernel(double[][] dots, int dimension) {
		for (double[] row : dots) {
			for (int j = 0; j < row.length; j++) {
				double base = row[j] / dimension + 1;
				row[j] = base * base * base;
			}
		}
		return dots;
	}

	private static double offDiagonalSum(double[][] k) {
		double sum = 0;
		for (int i = 0; i < k.length; i++) {
			for (int j = 0; j < k.length; j++) {
				if (i != j) {
					sum += k[i][j];
				}
			}
		}
		return sum;
	}
}
