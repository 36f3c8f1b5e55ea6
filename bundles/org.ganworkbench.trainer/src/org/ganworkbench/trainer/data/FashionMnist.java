package org.ganworkbench.trainer.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Fashion-MNIST (or MNIST) from its IDX files, gzip-compressed or raw: a directory holding
 * train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz], or the images file itself (the labels
 * file is then looked up next to it). Every file is checked completely when opened.
 */
public final class FashionMnist {

	public static final String IMAGES = "train-images-idx3-ubyte";
	public static final String LABELS = "train-labels-idx1-ubyte";
	/** Where Debian's dataset-fashion-mnist package installs it. */
	public static final Path DEBIAN_LOCATION = Path.of("/usr/share/datasets/fashion-mnist");
	private static final int CLASSES = 10;
	/** Fashion-MNIST's labels 0..9 (Xiao et al. 2017). */
	private static final List<String> CLOTHING = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
			"Shirt", "Sneaker", "Bag", "Ankle boot");
	private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

	private FashionMnist() {
	}

	public static ImageDataset open(Path location, int resolution, int channels) throws DatasetException {
		Path images;
		Path labels;
		if (Files.isDirectory(location)) {
			images = existing(location, IMAGES);
			labels = existing(location, LABELS);
		} else {
			images = location;
			String name = location.getFileName().toString();
			labels = location.resolveSibling(name.replace("images-idx3", "labels-idx1"));
		}
		IdxFile imageFile = IdxFile.read(images, 3, "images");
		IdxFile labelFile = IdxFile.read(labels, 1, "labels");
		int count = imageFile.dimensions[0];
		if (labelFile.dimensions[0] != count) {
			throw new DatasetException(labels + ": " + labelFile.dimensions[0] + " labels for " + count + " images in "
					+ images.getFileName());
		}
		int[] classes = new int[count];
		for (int i = 0; i < count; i++) {
			classes[i] = labelFile.values[i] & 0xFF;
			if (classes[i] >= CLASSES) {
				throw new DatasetException(labels + ": label " + classes[i] + " of image " + i + " is not a class 0..9");
			}
		}
		int height = imageFile.dimensions[1];
		int width = imageFile.dimensions[2];
		byte[] pixels = imageFile.values;
		if (height != resolution || width != resolution || channels != 1) {
			pixels = resizeAll(pixels, count, height, width, channels, resolution);
		}
		// the same files hold MNIST's digits: only a path that says "fashion" gets clothing names
		boolean fashion = images.toString().toLowerCase(Locale.ROOT).contains("fashion");
		return new InMemoryImages("Fashion-MNIST " + images, pixels, classes, count, channels, resolution, CLASSES,
				fashion ? CLOTHING : DIGITS);
	}

	/** The file with or without ".gz", or the compressed name in the error when neither exists. */
	private static Path existing(Path dir, String name) {
		Path raw = dir.resolve(name);
		return Files.isRegularFile(raw) ? raw : dir.resolve(name + ".gz");
	}

	private static byte[] resizeAll(byte[] pixels, int count, int height, int width, int channels, int size) {
		int sourceLength = height * width;
		int targetLength = channels * size * size;
		byte[] out = new byte[count * targetLength];
		byte[] one = new byte[sourceLength];
		for (int i = 0; i < count; i++) {
			System.arraycopy(pixels, i * sourceLength, one, 0, sourceLength);
			System.arraycopy(Resampler.resize(one, 1, height, width, channels, size), 0, out, i * targetLength,
					targetLength);
		}
		return out;
	}
}
