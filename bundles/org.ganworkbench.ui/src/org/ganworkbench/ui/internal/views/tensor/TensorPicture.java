package org.ganworkbench.ui.internal.views.tensor;

import java.util.Arrays;
import java.util.Locale;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;

/**
 * A tensor cut by the trainer's TensorSlice, as the Tensor view draws it: the channels of one sample
 * as grey tiles in a grid on one shared scale, or a matrix (or vector) as a heat map. NaN and
 * infinities are magenta. Pixel (x, y) of {@link #render()} maps back to the tensor's own indices.
 */
public final class TensorPicture {

	/** Pixels between two channels' tiles. */
	static final int GAP = 1;
	static final RGB NON_FINITE = new RGB(255, 0, 255);
	private static final RGB BACKGROUND = new RGB(96, 96, 96);

	private final String name;
	private final long[] shape;
	private final String dataType;
	private final long samples;
	private final long sample;
	private final int channels;
	private final int height;
	private final int width;
	private final int rowStride;
	private final int columnStride;
	private final float[] values;
	private final float min;
	private final float max;
	private final int tileColumns;
	private final int tileRows;

	public TensorPicture(String name, long[] shape, String dataType, long samples, long sample, int channels, int height,
			int width, int rowStride, int columnStride, float[] values) {
		this.name = name;
		this.shape = shape.clone();
		this.dataType = dataType;
		this.samples = samples;
		this.sample = sample;
		this.channels = channels;
		this.height = height;
		this.width = width;
		this.rowStride = rowStride;
		this.columnStride = columnStride;
		this.values = values;
		float low = Float.POSITIVE_INFINITY;
		float high = Float.NEGATIVE_INFINITY;
		for (float v : values) {
			if (Float.isFinite(v)) {
				low = Math.min(low, v);
				high = Math.max(high, v);
			}
		}
		this.min = low;
		this.max = high;
		this.tileColumns = Math.max(1, (int) Math.ceil(Math.sqrt(channels)));
		this.tileRows = channels == 0 ? 0 : (channels + tileColumns - 1) / tileColumns;
	}

	/** A matrix or a vector is one heat map; anything of rank 3 or more a grid of channels. */
	public boolean isHeatMap() {
		return shape.length <= 2;
	}

	public long samples() {
		return samples;
	}

	public long sample() {
		return sample;
	}

	public int channels() {
		return channels;
	}

	public long[] shape() {
		return shape.clone();
	}

	/** "output: FLOAT [8, 64, 7, 7], sample 0 of 8, 64 channels" and what was left out. */
	public String title() {
		StringBuilder text = new StringBuilder(name).append(": ").append(dataType).append(' ').append(Arrays.toString(shape));
		if (!isHeatMap()) {
			long all = shape.length >= 3 ? shape[shape.length - 3] : 1;
			if (samples > 1) {
				text.append(", sample ").append(sample).append(" of ").append(samples);
			}
			text.append(", ").append(all).append(all == 1 ? " channel" : " channels");
			if (channels < all) {
				text.append(" (first ").append(channels).append(" shown)");
			}
		}
		if (rowStride > 1 || columnStride > 1) {
			text.append(", every ").append(rowStride).append(" row(s) and ").append(columnStride).append(" column(s)");
		}
		if (min <= max) {
			text.append(String.format(Locale.ROOT, "; scale %.4g to %.4g", min, max));
		}
		return text.toString();
	}

	public int pixelWidth() {
		return tileColumns * (width + GAP) - GAP;
	}

	public int pixelHeight() {
		return Math.max(0, tileRows * (height + GAP) - GAP);
	}

	/** One pixel per value drawn; the view scales it to its size. */
	public ImageData render() {
		ImageData image = new ImageData(Math.max(1, pixelWidth()), Math.max(1, pixelHeight()), 24,
				new PaletteData(0xFF0000, 0xFF00, 0xFF));
		PaletteData palette = image.palette;
		for (int y = 0; y < image.height; y++) {
			for (int x = 0; x < image.width; x++) {
				Cell cell = cellAt(x, y);
				image.setPixel(x, y, palette.getPixel(cell == null ? BACKGROUND : colour(cell.value())));
			}
		}
		return image;
	}

	/** The value drawn at pixel (x, y) of {@link #render()}, with its indices in the tensor; null between tiles. */
	public Cell cellAt(int x, int y) {
		if (x < 0 || y < 0 || x >= pixelWidth() || y >= pixelHeight()) {
			return null;
		}
		int column = x % (width + GAP);
		int row = y % (height + GAP);
		int channel = y / (height + GAP) * tileColumns + x / (width + GAP);
		if (column >= width || row >= height || channel >= channels) {
			return null;
		}
		float value = values[(channel * height + row) * width + column];
		return new Cell(channel, (long) row * rowStride, (long) column * columnStride, value);
	}

	/** "[0, 3, 5, 7] = 0.1234", the indices in the tensor's own dimensions. */
	public String describe(Cell cell) {
		long[] index = new long[shape.length];
		int rank = shape.length;
		if (rank >= 1) {
			index[rank - 1] = cell.column();
		}
		if (rank >= 2) {
			index[rank - 2] = cell.row();
		}
		if (rank >= 3) {
			index[rank - 3] = cell.channel();
			// the leading dimensions, as TensorSlice counted samples over them in C order
			long rest = sample;
			for (int i = rank - 4; i >= 0; i--) {
				index[i] = rest % shape[i];
				rest /= shape[i];
			}
		}
		return Arrays.toString(index) + " = " + String.format(Locale.ROOT, "%.6g", cell.value());
	}

	private RGB colour(float value) {
		if (!Float.isFinite(value)) {
			return NON_FINITE;
		}
		if (isHeatMap() && min < 0 && max > 0) {
			// diverging around zero: blue below, red above, white at zero
			float extent = Math.max(-min, max);
			int fade = Math.round(255 * (1 - Math.abs(value) / extent));
			return value < 0 ? new RGB(fade, fade, 255) : new RGB(255, fade, fade);
		}
		float t = max > min ? (value - min) / (max - min) : 0.5f;
		int level = Math.round(255 * t);
		return isHeatMap() ? new RGB(level, Math.round(255 * t * t), 255 - level) : new RGB(level, level, level);
	}

	/** A value of the picture and its channel, row and column in the tensor (strides undone). */
	public record Cell(int channel, long row, long column, float value) {
	}
}
