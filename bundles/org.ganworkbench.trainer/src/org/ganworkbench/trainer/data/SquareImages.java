package org.ganworkbench.trainer.data;

/** A dataset of square images with one channel count: the shape every such dataset reports. */
abstract class SquareImages implements ImageDataset {

	protected final int channels;
	protected final int resolution;

	SquareImages(int channels, int resolution) {
		this.channels = channels;
		this.resolution = resolution;
	}

	@Override
	public final int channels() {
		return channels;
	}

	@Override
	public final int height() {
		return resolution;
	}

	@Override
	public final int width() {
		return resolution;
	}
}
