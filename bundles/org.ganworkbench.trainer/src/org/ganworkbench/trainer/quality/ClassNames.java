package org.ganworkbench.trainer.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.ganworkbench.trainer.data.ImageDataset;
import org.ganworkbench.trainer.data.SyntheticShapes;

/**
 * Names of a dataset's classes for coverage messages ("no 'Sandal' in 5,000 samples"). Datasets only
 * number their classes, so the names are recovered from what the dataset is.
 */
public final class ClassNames {

	/** Fashion-MNIST's labels 0..9 (Xiao et al. 2017). */
	private static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
			"Shirt", "Sneaker", "Bag", "Ankle boot");
	private static final String FOLDER_PREFIX = "images in ";

	private ClassNames() {
	}

	public static List<String> of(ImageDataset data) {
		int classes = data.classes();
		String description = data.description();
		// the IDX loader also reads MNIST digits: only a path that says "fashion" gets clothing names
		if (description.startsWith("Fashion-MNIST") && classes == FASHION.size()
				&& description.substring("Fashion-MNIST".length()).toLowerCase(Locale.ROOT).contains("fashion")) {
			return FASHION;
		}
		if (data instanceof SyntheticShapes) {
			return List.of(SyntheticShapes.KINDS);
		}
		if (description.startsWith(FOLDER_PREFIX)) {
			List<String> names = folderClasses(Path.of(description.substring(FOLDER_PREFIX.length())));
			if (names.size() == classes) {
				return names;
			}
		}
		List<String> numbered = new ArrayList<>();
		for (int c = 0; c < classes; c++) {
			numbered.add(description.startsWith("Fashion-MNIST") ? Integer.toString(c) : "class " + c);
		}
		return numbered;
	}

	/** The sub-folders that hold images, sorted, as ImageFolder numbers them. */
	private static List<String> folderClasses(Path folder) {
		try (Stream<Path> entries = Files.list(folder)) {
			return entries.filter(Files::isDirectory).filter(ClassNames::holdsImages).sorted()
					.map(p -> p.getFileName().toString()).toList();
		} catch (IOException e) {
			return List.of();
		}
	}

	private static boolean holdsImages(Path dir) {
		try (Stream<Path> inner = Files.list(dir)) {
			return inner.anyMatch(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g)"));
		} catch (IOException e) {
			return false;
		}
	}
}
