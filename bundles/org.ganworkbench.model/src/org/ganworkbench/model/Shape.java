package org.ganworkbench.model;

import java.util.Arrays;

/**
 * A per-sample tensor shape: [C, H, W] for images and feature maps, [F] for vectors (NCHW without
 * the batch dimension). Messages print it with the batch dimension, as DL4J users read it.
 */
public final class Shape {

	private final int[] dims;
	private String text;

	private Shape(int[] dims) {
		this.dims = dims;
	}

	public static Shape of(int... dims) {
		return new Shape(dims.clone());
	}

	public static Shape image(int channels, int height, int width) {
		return new Shape(new int[] { channels, height, width });
	}

	/**
	 * Vectors of up to 4096 features are shared, made on first use: every dense layer of a file makes
	 * one. Shapes are immutable with a final field, so a race at most makes one twice.
	 */
	private static final Shape[] SMALL_VECTORS = new Shape[4097];

	public static Shape vector(int features) {
		if (features < 0 || features >= SMALL_VECTORS.length) {
			return new Shape(new int[] { features });
		}
		Shape shared = SMALL_VECTORS[features];
		if (shared == null) {
			shared = new Shape(new int[] { features });
			SMALL_VECTORS[features] = shared;
		}
		return shared;
	}

	public int rank() {
		return dims.length;
	}

	public int dim(int i) {
		return dims[i];
	}

	public int[] dims() {
		return dims.clone();
	}

	public boolean isImage() {
		return dims.length == 3;
	}

	public boolean isVector() {
		return dims.length == 1;
	}

	/** Channels of an image, features of a vector. */
	public int channels() {
		return dims[0];
	}

	public int height() {
		return dims.length == 3 ? dims[1] : 1;
	}

	public int width() {
		return dims.length == 3 ? dims[2] : 1;
	}

	/** Number of values per sample; Long.MAX_VALUE when that does not fit in a long (never wrapped). */
	public long size() {
		long[] factors = new long[dims.length];
		for (int i = 0; i < dims.length; i++) {
			factors[i] = dims[i];
		}
		return Counts.times(factors);
	}

	/** "[N, 128, 7, 7]": the shape as a batch, for messages. */
	public String withBatch() {
		StringBuilder b = new StringBuilder("[N");
		for (int d : dims) {
			b.append(", ").append(d);
		}
		return b.append(']').toString();
	}

	/** "4-D" for an image batch, "2-D" for a vector batch. */
	public String batchRank() {
		return (dims.length + 1) + "-D";
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Shape s && Arrays.equals(dims, s.dims);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(dims);
	}

	/** "[64]", made once: shared vectors are printed for every layer of a large table. */
	@Override
	public String toString() {
		String text = this.text;
		if (text == null) {
			text = Arrays.toString(dims);
			this.text = text; // a race makes it twice, equal
		}
		return text;
	}
}
