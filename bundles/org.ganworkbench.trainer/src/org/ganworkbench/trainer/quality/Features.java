package org.ganworkbench.trainer.quality;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Feature rows [n, d] in double precision, with the products the metrics need done by ND4J's BLAS. */
public final class Features {

	/** Rows of distances are computed this many at a time, to bound memory (rows x n doubles). */
	private static final int CHUNK = 1000;

	private final INDArray matrix;

	Features(INDArray matrix) {
		this.matrix = matrix.castTo(DataType.DOUBLE).dup('c');
	}

	public int count() {
		return (int) matrix.size(0);
	}

	public int dimension() {
		return (int) matrix.size(1);
	}

	INDArray matrix() {
		return matrix;
	}

	double[][] rows() {
		return matrix.toDoubleMatrix();
	}

	/** Rows [from, to). */
	public Features rows(int from, int to) {
		return new Features(matrix.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to),
				org.nd4j.linalg.indexing.NDArrayIndex.all()));
	}

	/** x_i . y_j for every pair. */
	double[][] dot(Features other) {
		return release(matrix.mmul(other.matrix.transpose()));
	}

	/**
	 * Squared Euclidean distances from rows [from, to) of this to every row of {@code other}:
	 * |x|^2 + |y|^2 - 2 x.y, one GEMM per chunk.
	 */
	double[][] squaredDistances(Features other, int from, int to) {
		INDArray x = matrix.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to),
				org.nd4j.linalg.indexing.NDArrayIndex.all());
		INDArray xx = x.mul(x).sum(1).reshape(to - from, 1);
		INDArray yy = other.matrix.mul(other.matrix).sum(1).reshape(1, other.count());
		INDArray d = x.mmul(other.matrix.transpose()).muli(-2).addiColumnVector(xx).addiRowVector(yy);
		xx.close();
		yy.close();
		return release(d);
	}

	/**
	 * The values of a temporary as Java arrays, its native memory freed at once: left to the garbage
	 * collector, large temporaries pile up to JavaCPP's limit (twice the heap) between collections.
	 */
	static double[][] release(INDArray temporary) {
		// one copy of the whole buffer: INDArray.toDoubleMatrix() copies row by row through views
		INDArray dense = temporary.dup('c');
		double[] flat = dense.data().asDouble();
		int rows = (int) temporary.size(0);
		int columns = (int) temporary.size(1);
		double[][] values = new double[rows][];
		for (int i = 0; i < rows; i++) {
			values[i] = Arrays.copyOfRange(flat, i * columns, (i + 1) * columns);
		}
		close(dense);
		close(temporary);
		return values;
	}

	static void close(INDArray array) {
		if (array != null && array.closeable()) {
			array.close();
		}
	}

	/** Frees the native memory of these features now (they must not be used afterwards). */
	void close() {
		close(matrix);
	}

	static int chunk() {
		return CHUNK;
	}
}
