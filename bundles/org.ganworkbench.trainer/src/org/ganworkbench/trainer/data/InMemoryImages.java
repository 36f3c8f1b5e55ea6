package org.ganworkbench.trainer.data;

import java.util.List;

/**
 * Decoded images kept as bytes (0..255, C, H, W), converted to [-1, 1] on demand. Used by the file
 * datasets, which decode and check everything when opened.
 */
final class InMemoryImages extends SquareImages {

	private final String description;
	private final byte[] pixels;
	private final int[] labels;
	private final int count;
	private final int classes;
	private final List<String> classNames;

	/** @param classNames one per class, or null for numbered ones */
	InMemoryImages(String description, byte[] pixels, int[] labels, int count, int channels, int resolution,
			int classes, List<String> classNames) {
		super(channels, resolution);
		this.description = description;
		this.pixels = pixels;
		this.labels = labels;
		this.count = count;
		this.classes = classes;
		this.classNames = classNames;
	}

	@Override
	public String description() {
		return description;
	}

	@Override
	public int size() {
		return count;
	}

	@Override
	public int classes() {
		return classes;
	}

	@Override
	public void image(int index, float[] target, int offset) {
		int length = channels * resolution * resolution;
		int base = index * length;
		for (int i = 0; i < length; i++) {
			target[offset + i] = (pixels[base + i] & 0xFF) / 127.5f - 1f;
		}
	}

	@Override
	public int label(int index) {
		return labels == null ? 0 : labels[index];
	}

	@Override
	public List<String> classNames() {
		return classNames != null ? classNames : ImageDataset.numberedClasses(classes);
	}
}
