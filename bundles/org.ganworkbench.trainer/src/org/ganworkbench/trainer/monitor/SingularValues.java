package org.ganworkbench.trainer.monitor;

import java.lang.ref.Reference;

import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The largest singular values of a weight matrix, by LAPACK's sgesvd (NDLinalg.svd is broken in
 * ND4J 1.0.0-M2.1).
 * <p>
 * LAPACK gets Java arrays, not ND4J's: ND4J's wrapper (BlasWrapper.lapack().gesvd) hands LAPACK the
 * raw addresses of arrays that nothing references during the call, the caller's copy of the matrix
 * and the wrapper's own work array, so a garbage collection in the middle of the call let ND4J's
 * deallocator thread free them while sgesvd still wrote into them. That corrupted the native heap:
 * the malloc aborts of 2026-12-02 (a collection during the call is likelier when a second thread
 * allocates, as the feature network's training did beside the run). NativeStress reproduces it in
 * seconds with the old call and not with this one (docs/decisions.md).
 */
public final class SingularValues {

	private SingularValues() {
	}

	/** The {@code count} largest singular values, in decreasing order (fewer if the matrix is smaller). */
	public static double[] largest(INDArray matrix, int count) {
		int m = (int) matrix.rows();
		int n = (int) matrix.columns();
		// column-major, as LAPACK reads it, in a Java array that lives until the call returns
		INDArray columns = matrix.castTo(DataType.FLOAT).dup('f');
		float[] a = columns.data().asFloat();
		// the copy out of ND4J's buffer is a native read too: the buffer must outlive it
		Reference.reachabilityFence(columns);
		int k = Math.min(m, n);
		float[] s = new float[k];
		float[] superb = new float[Math.max(1, k - 1)];
		int info = openblas.LAPACKE_sgesvd(openblas.LAPACK_COL_MAJOR, (byte) 'N', (byte) 'N', m, n, a, m, s, null, 1, null,
				1, superb);
		if (info != 0) {
			throw new IllegalStateException("sgesvd failed (info " + info + ") on a " + m + "x" + n + " matrix");
		}
		double[] result = new double[Math.min(count, k)];
		for (int i = 0; i < result.length; i++) {
			result[i] = s[i];
		}
		return result;
	}
}
