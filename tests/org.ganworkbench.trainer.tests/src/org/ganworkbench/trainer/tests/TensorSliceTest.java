package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganworkbench.trainer.api.debug.TensorSlice;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What the Tensor view receives of a tensor: one sample's channels, strided and cut to a bounded size. */
class TensorSliceTest {

	@Test
	void anActivationGivesOneSamplesChannels() {
		INDArray activation = Nd4j.rand(DataType.FLOAT, 3, 4, 5, 6);
		activation.putScalar(new long[] { 2, 1, 3, 4 }, Float.NaN);
		TensorSlice slice = TensorSlice.of(activation, 2);
		assertArrayEquals(new long[] { 3, 4, 5, 6 }, slice.shape());
		assertEquals("FLOAT", slice.dataType());
		assertEquals(3, slice.samples());
		assertEquals(2, slice.sample());
		assertEquals(4, slice.channels());
		assertEquals(5, slice.height());
		assertEquals(6, slice.width());
		for (int c = 0; c < 4; c++) {
			for (int y = 0; y < 5; y++) {
				for (int x = 0; x < 6; x++) {
					assertEquals(activation.getFloat(new long[] { 2, c, y, x }), slice.value(c, y, x), 0f, c + "," + y + "," + x);
				}
			}
		}
		assertTrue(Float.isNaN(slice.value(1, 3, 4)));
		assertEquals(0, TensorSlice.of(activation, -5).sample(), "a sample out of range is clamped");
		assertEquals(2, TensorSlice.of(activation, 99).sample());
	}

	@Test
	void aMatrixIsOneChannelAndAVectorOneRow() {
		INDArray matrix = Nd4j.arange(12).castTo(DataType.DOUBLE).reshape(3, 4);
		TensorSlice slice = TensorSlice.of(matrix, 0);
		assertEquals(1, slice.channels());
		assertEquals(3, slice.height());
		assertEquals(4, slice.width());
		assertEquals(7f, slice.value(0, 1, 3));
		TensorSlice column = TensorSlice.of(matrix.getColumn(1), 0); // a view, not contiguous: 1, 5, 9
		assertEquals(1, column.height());
		assertArrayEquals(new float[] { 1, 5, 9 }, new float[] { column.value(0, 0, 0), column.value(0, 0, 1), column.value(0, 0, 2) });
		TensorSlice scalar = TensorSlice.of(Nd4j.scalar(2.5f), 0);
		assertEquals(1, scalar.values().length);
		assertEquals(2.5f, scalar.value(0, 0, 0));
		assertEquals(0, TensorSlice.of(Nd4j.create(DataType.FLOAT, 0, 3), 0).values().length, "empty");
	}

	@Test
	void aLargeTensorIsStridedAndCut() {
		INDArray large = Nd4j.rand(DataType.FLOAT, 1, 40, 600, 1100);
		long started = System.nanoTime();
		TensorSlice slice = TensorSlice.of(large, 0);
		double millis = (System.nanoTime() - started) / 1e6;
		assertEquals(3, slice.rowStride());
		assertEquals(5, slice.columnStride());
		assertEquals(200, slice.height());
		assertEquals(220, slice.width());
		assertEquals(TensorSlice.MAX_VALUES / (200 * 220), slice.channels(), "channels cut to the value budget");
		assertTrue(slice.values().length <= TensorSlice.MAX_VALUES);
		assertEquals(large.getFloat(new long[] { 0, 4, 3 * 199, 5 * 219 }), slice.value(4, 199, 219), 0f);
		System.out.printf("TensorSlice of [1, 40, 600, 1100] (26 M values): %d values in %.1f ms%n", slice.values().length, millis);
	}
}
