package org.ganworkbench.trainer.quality;

/**
 * Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations, in plain Java:
 * ND4J 1.0.0-M2.1's SVD is unreliable, and for the 64x64 covariances of the feature network Jacobi
 * is exact to rounding and takes milliseconds. Kept instead of LAPACK's symmetric solver through
 * ND4J (as the singular values use gesvd): measured 2.5 ms for 64x64 (26 ms for 128x128) on the
 * build machine, 2026-12-05; an FD takes two, 5 ms of an evaluation's 5.9 s, so the native call
 * would save under 0.1% while the FD would depend on a linear-algebra path of ND4J.
 */
final class SymmetricEigen {

	private static final int MAX_SWEEPS = 100;

	/** Eigenvalues, in no particular order. */
	final double[] values;
	/** Eigenvectors as columns: vectors[i][k] is component i of the k-th vector. */
	final double[][] vectors;

	private SymmetricEigen(double[] values, double[][] vectors) {
		this.values = values;
		this.vectors = vectors;
	}

	static SymmetricEigen of(double[][] symmetric) {
		int n = symmetric.length;
		double[][] a = new double[n][];
		for (int i = 0; i < n; i++) {
			a[i] = symmetric[i].clone();
		}
		double[][] v = identity(n);
		double scale = 0;
		for (int i = 0; i < n; i++) {
			for (int j = 0; j < n; j++) {
				scale += a[i][j] * a[i][j];
			}
		}
		double tolerance = 1e-26 * Math.max(scale, Double.MIN_NORMAL);
		for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonal(a) > tolerance; sweep++) {
			for (int p = 0; p < n - 1; p++) {
				for (int q = p + 1; q < n; q++) {
					rotate(a, v, p, q);
				}
			}
		}
		double[] values = new double[n];
		for (int i = 0; i < n; i++) {
			values[i] = a[i][i];
		}
		return new SymmetricEigen(values, v);
	}

	/** Zeroes a[p][q] with one rotation (Golub and Van Loan's symmetric Schur step). */
	private static void rotate(double[][] a, double[][] v, int p, int q) {
		double apq = a[p][q];
		if (apq == 0) {
			return;
		}
		double theta = (a[q][q] - a[p][p]) / (2 * apq);
		double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
		if (theta == 0) {
			t = 1;
		}
		double c = 1 / Math.sqrt(t * t + 1);
		double s = t * c;
		int n = a.length;
		for (int k = 0; k < n; k++) {
			double akp = a[k][p];
			double akq = a[k][q];
			a[k][p] = c * akp - s * akq;
			a[k][q] = s * akp + c * akq;
		}
		for (int k = 0; k < n; k++) {
			double apk = a[p][k];
			double aqk = a[q][k];
			a[p][k] = c * apk - s * aqk;
			a[q][k] = s * apk + c * aqk;
		}
		for (int k = 0; k < n; k++) {
			double vkp = v[k][p];
			double vkq = v[k][q];
			v[k][p] = c * vkp - s * vkq;
			v[k][q] = s * vkp + c * vkq;
		}
	}

	private static double offDiagonal(double[][] a) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			for (int j = 0; j < a.length; j++) {
				if (i != j) {
					sum += a[i][j] * a[i][j];
				}
			}
		}
		return sum;
	}

	private static double[][] identity(int n) {
		double[][] m = new double[n][n];
		for (int i = 0; i < n; i++) {
			m[i][i] = 1;
		}
		return m;
	}

	/** V f(L) V^T with f = square root of the eigenvalues clamped at 0 (a PSD matrix's root). */
	double[][] sqrtMatrix() {
		int n = values.length;
		double[][] out = new double[n][n];
		for (int k = 0; k < n; k++) {
			double root = Math.sqrt(Math.max(values[k], 0));
			for (int i = 0; i < n; i++) {
				double vik = vectors[i][k] * root;
				for (int j = 0; j < n; j++) {
					out[i][j] += vik * vectors[j][k];
				}
			}
		}
		return out;
	}
}
