package org.ganworkbench.trainer.api.debug;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The part of a tensor the IDE's Tensor view draws, cut here in the debugged trainer so that a large
 * tensor never crosses the debug connection whole. An activation [N, C, H, W] gives one sample's
 * channels, [C, H, W] its channels, a matrix [R, C] one channel of R rows, a vector one row; more
 * leading dimensions count as samples. Rows and columns are strided down to {@link #MAX_SIDE}, and
 * channels cut to what fits in {@link #MAX_VALUES}. The view calls {@link #of(INDArray, int)} over JDI.
 *
 * @param shape the whole tensor's shape
 * @param dataType the tensor's data type (the values are converted to float)
 * @param samples how many samples the tensor holds (1 below rank 4)
 * @param sample the sample cut, within [0, samples)
 * @param channels channels in {@code values} (the tensor may hold more)
 * @param height rows per channel in {@code values}
 * @param width columns per channel in {@code values}
 * @param rowStride tensor rows per row of {@code values}
 * @param columnStride tensor columns per column of {@code values}
 * @param values channel after channel, each row after row
 */
public record TensorSlice(long[] shape, String dataType, long samples, long sample, int channels, int height, int width,
		int rowStride, int columnStride, float[] values) {

	public static final int MAX_SIDE = 256;
	public static final int MAX_VALUES = 1 << 18;

	public static TensorSlice of(INDArray array, int sample) {
		long[] shape = array.shape();
		long[] chw = new long[] { 1, 1, 1 }; // the trailing three dimensions, 1 where the rank is lower
		for (int i = 0; i < Math.min(3, shape.length); i++) {
			chw[2 - i] = shape[shape.length - 1 - i];
		}
		long samples = 1;
		for (int i = 0; i < shape.length - 3; i++) {
			samples *= shape[i];
		}
		long chosen = Math.max(0, Math.min(sample, samples - 1));
		long length = chw[0] * chw[1] * chw[2];
		if (length == 0 || samples == 0) {
			return new TensorSlice(shape, array.dataType().toString(), samples, chosen, 0, 0, 0, 1, 1, new float[0]);
		}
		INDArray cut = array.reshape('c', samples, chw[0], chw[1], chw[2]).slice(chosen);
		int rowStride = (int) ((chw[1] + MAX_SIDE - 1) / MAX_SIDE);
		int columnStride = (int) ((chw[2] + MAX_SIDE - 1) / MAX_SIDE);
		int height = (int) ((chw[1] + rowStride - 1) / rowStride);
		int width = (int) ((chw[2] + columnStride - 1) / columnStride);
		int channels = (int) Math.max(1, Math.min(chw[0], MAX_VALUES / ((long) height * width)));
		float[] values = new float[channels * height * width];
		int at = 0;
		for (int c = 0; c < channels; c++) {
			// one channel at a time: a 2-D float copy of the channel, never the whole tensor
			float[][] plane = cut.slice(c).castTo(DataType.FLOAT).toFloatMatrix();
			for (int y = 0; y < height; y++) {
				float[] row = plane[y * rowStride];
				for (int x = 0; x < width; x++) {
					values[at++] = row[x * columnStride];
				}
			}
		}
		return new TensorSlice(shape, array.dataType().toString(), samples, chosen, channels, height, width, rowStride, columnStride, values);
	}

	/** The value drawn at (channel, row, column) of this slice. */
	public float value(int channel, int row, int column) {
		return values[(channel * height + row) * width + column];
	}

	@Override
	public String toString() {
		return "TensorSlice" + Arrays.toString(shape) + " sample " + sample + ": " + channels + " x " + height + " x " + width;
	}
}
