package org.ganworkbench.trainer.monitor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The largest singular values of a weight matrix, by LAPACK's gesvd through ND4J's BLAS wrapper
 * (NDLinalg.svd is broken in ND4J 1.0.0-M2.1).
 */
public final class SingularValues {

	private SingularValues() {
	}

	/** The {@code count} largest singular values, in decreasing order (fewer if the matrix is smaller). */
	public static double[] largest(INDArray matrix, int count) {
		INDArray a = matrix.castTo(DataType.FLOAT).dup('f');
		long m = a.rows();
		long n = a.columns();
		if (m < n) {
			// gesvd wants rows >= columns here; the transpose has the same singular values
			a = a.transpose().dup('f');
			m = a.rows();
			n = a.columns();
		}
		INDArray s = Nd4j.create(DataType.FLOAT, n);
		Nd4j.getBlasWrapper().lapack().gesvd(a, s, null, null);
		int k = (int) Math.min(count, n);
		double[] result = new double[k];
		for (int i = 0; i < k; i++) {
			result[i] = s.getDouble(i);
		}
		return result;
	}
}
