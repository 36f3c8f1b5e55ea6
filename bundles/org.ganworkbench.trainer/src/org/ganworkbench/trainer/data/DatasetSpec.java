package org.ganworkbench.trainer.data;

import java.nio.file.Path;

/** Which images to train on: the kind, a location for the file kinds, and the model's image format. */
public record DatasetSpec(Kind kind, Path location, int resolution, int channels, long seed) {

	public enum Kind {
		SYNTHETIC, FASHION_MNIST, FOLDER
	}

	/** Opens and checks the dataset completely; any problem is one {@link DatasetException}. */
	public ImageDataset open() throws DatasetException {
		return switch (kind) {
		case SYNTHETIC -> new SyntheticShapes(resolution, channels, seed);
		case FASHION_MNIST -> FashionMnist.open(location == null ? FashionMnist.DEBIAN_LOCATION : location, resolution,
				channels);
		case FOLDER -> ImageFolder.open(location, resolution, channels);
		};
	}
}
