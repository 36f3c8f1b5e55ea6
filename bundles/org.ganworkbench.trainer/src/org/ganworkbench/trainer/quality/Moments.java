package org.ganworkbench.trainer.quality;

/** Mean and covariance (unbiased, n - 1) of feature rows: the Gaussian that FD compares. */
public record Moments(double[] mean, double[][] covariance, int count) {

	public static Moments of(Features features) {
		return of(features.rows());
	}

	static Moments of(double[][] rows) {
		int n = rows.length;
		int d = rows[0].length;
		double[] mean = new double[d];
		for (double[] row : rows) {
			for (int j = 0; j < d; j++) {
				mean[j] += row[j];
			}
		}
		for (int j = 0; j < d; j++) {
			mean[j] /= n;
		}
		double[][] cov = new double[d][d];
		double[] centred = new double[d];
		for (double[] row : rows) {
			for (int j = 0; j < d; j++) {
				centred[j] = row[j] - mean[j];
			}
			for (int i = 0; i < d; i++) {
				double ci = centred[i];
				double[] covRow = cov[i];
				for (int j = i; j < d; j++) {
					covRow[j] += ci * centred[j];
				}
			}
		}
		for (int i = 0; i < d; i++) {
			for (int j = i; j < d; j++) {
				cov[i][j] /= n - 1;
				cov[j][i] = cov[i][j];
			}
		}
		return new Moments(mean, cov, n);
	}
}
