package org.ganworkbench.trainer.quality;

/**
 * The Fréchet distance between two Gaussians fitted to features (Heusel et al. 2017, with this
 * workbench's own feature network instead of Inception, hence "FD", not "FID"):
 * |mu1 - mu2|^2 + tr(S1 + S2 - 2 (S1 S2)^1/2).
 */
public final class FrechetDistance {

	private FrechetDistance() {
	}

	public static double between(Moments a, Moments b) {
		int d = a.mean().length;
		double meanTerm = 0;
		for (int i = 0; i < d; i++) {
			double diff = a.mean()[i] - b.mean()[i];
			meanTerm += diff * diff;
		}
		double trace = 0;
		for (int i = 0; i < d; i++) {
			trace += a.covariance()[i][i] + b.covariance()[i][i];
		}
		return Math.max(0, meanTerm + trace - 2 * traceSqrtProduct(a.covariance(), b.covariance()));
	}

	/**
	 * tr (S1 S2)^1/2 = tr (S1^1/2 S2 S1^1/2)^1/2: the right-hand matrix is symmetric PSD, so two
	 * symmetric eigen-decompositions do it without the non-symmetric square root.
	 */
	static double traceSqrtProduct(double[][] s1, double[][] s2) {
		double[][] root = SymmetricEigen.of(s1).sqrtMatrix();
		double[][] inner = multiply(multiply(root, s2), root);
		symmetrize(inner);
		double sum = 0;
		for (double value : SymmetricEigen.of(inner).values) {
			sum += Math.sqrt(Math.max(value, 0));
		}
		return sum;
	}

	static double[][] multiply(double[][] a, double[][] b) {
		int n = a.length;
		int m = b[0].length;
		double[][] out = new double[n][m];
		for (int i = 0; i < n; i++) {
			for (int k = 0; k < b.length; k++) {
				double aik = a[i][k];
				double[] bk = b[k];
				double[] oi = out[i];
				for (int j = 0; j < m; j++) {
					oi[j] += aik * bk[j];
				}
			}
		}
		return out;
	}

	private static void symmetrize(double[][] m) {
		for (int i = 0; i < m.length; i++) {
			for (int j = i + 1; j < m.length; j++) {
				double mean = (m[i][j] + m[j][i]) / 2;
				m[i][j] = mean;
				m[j][i] = mean;
			}
		}
	}
}
