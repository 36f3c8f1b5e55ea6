package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganworkbench.trainer.api.debug.TensorSummary;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What the debugger shows of an INDArray: exact statistics of the finite values, NaN and Inf counted. */
class TensorSummaryTest {

	@Test
	void statisticsOfTheFiniteValuesAndCountsOfTheRest() {
		INDArray array = Nd4j.create(new double[] { 1, 2, 3, Double.NaN, Double.POSITIVE_INFINITY, 6 }, new long[] { 2, 3 },
				DataType.DOUBLE);
		TensorSummary summary = TensorSummary.of(array);
		assertEquals("[2, 3]", summary.shape());
		assertEquals("DOUBLE", summary.dataType());
		assertEquals('c', summary.order());
		assertEquals(6, summary.length());
		assertEquals(1, summary.min());
		assertEquals(6, summary.max());
		assertEquals(3, summary.mean(), 1e-12);
		assertEquals(Math.sqrt((4 + 1 + 0 + 9) / 4.0), summary.std(), 1e-12);
		assertEquals(1, summary.nanCount());
		assertEquals(1, summary.infiniteCount());
		assertTrue(summary.toString().startsWith("DOUBLE [2, 3] c: min 1.000 max 6.000"), summary.toString());
		assertNull(TensorSummary.of(null));
	}

	@Test
	void aViewIsReadInItsOwnOrder() {
		INDArray matrix = Nd4j.arange(12).castTo(DataType.FLOAT).reshape(3, 4);
		INDArray column = matrix.getColumn(1); // 1, 5, 9: not contiguous
		TensorSummary summary = TensorSummary.of(column);
		assertEquals(3, summary.length());
		assertEquals(1, summary.min());
		assertEquals(9, summary.max());
		assertEquals(5, summary.mean(), 1e-6);
		assertEquals("[1.000, 5.000, 9.000]", summary.first());
	}

	/** Not a timed assertion: the figure for docs/debugging-custom-layers.md (target under 200 ms). */
	@Test
	void aLargeActivationIsSummarisedInOnePass() {
		INDArray activation = Nd4j.randn(DataType.FLOAT, 64, 64, 14, 14);
		TensorSummary.of(activation);
		long start = System.nanoTime();
		TensorSummary summary = TensorSummary.of(activation);
		System.out.printf("TensorSummary.of of a 64x64x14x14 float array: %.1f ms%n", (System.nanoTime() - start) / 1e6);
		assertEquals(64L * 64 * 14 * 14, summary.length());
		assertEquals(0, summary.nanCount());
		assertEquals(1, summary.std(), 0.01, "standard normal values");
	}
}
