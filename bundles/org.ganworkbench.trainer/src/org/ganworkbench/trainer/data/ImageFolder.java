package org.ganworkbench.trainer.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/**
 * PNG and JPEG images of a folder, resized to the model's size. Sub-folders are classes (sorted by
 * name); images directly in the folder make an unlabelled dataset. Every image is decoded when the
 * folder is opened, so a damaged one is reported before training.
 */
public final class ImageFolder {

	private ImageFolder() {
	}

	public static ImageDataset open(Path folder, int resolution, int channels) throws DatasetException {
		if (!Files.isDirectory(folder)) {
			throw new DatasetException(folder + ": missing (image folder)");
		}
		Map<String, List<Path>> byClass = list(folder);
		List<Path> files = new ArrayList<>();
		List<Integer> labels = new ArrayList<>();
		int label = 0;
		for (List<Path> classFiles : byClass.values()) {
			for (Path file : classFiles) {
				files.add(file);
				labels.add(label);
			}
			label++;
		}
		if (files.isEmpty()) {
			throw new DatasetException(folder + ": no PNG or JPEG images in the folder or its sub-folders");
		}
		int length = channels * resolution * resolution;
		byte[] pixels = new byte[files.size() * length];
		for (int i = 0; i < files.size(); i++) {
			byte[] image = decode(files.get(i), resolution, channels);
			System.arraycopy(image, 0, pixels, i * length, length);
		}
		int[] classes = labels.stream().mapToInt(Integer::intValue).toArray();
		boolean labelled = byClass.size() > 1 || !byClass.containsKey("");
		// a class's name is its folder's; images directly in a labelled folder make a class of their own
		List<String> names = byClass.keySet().stream().map(name -> name.isEmpty() ? "(no sub-folder)" : name).toList();
		return new InMemoryImages("images in " + folder, pixels, labelled ? classes : null, files.size(), channels,
				resolution, labelled ? byClass.size() : 0, labelled ? names : List.of());
	}

	private static Map<String, List<Path>> list(Path folder) throws DatasetException {
		Map<String, List<Path>> byClass = new TreeMap<>();
		try (Stream<Path> entries = Files.list(folder)) {
			for (Path entry : entries.sorted().toList()) {
				if (Files.isDirectory(entry)) {
					try (Stream<Path> inner = Files.list(entry)) {
						List<Path> images = inner.filter(ImageFolder::isImage).sorted().toList();
						if (!images.isEmpty()) {
							byClass.put(entry.getFileName().toString(), images);
						}
					}
				} else if (isImage(entry)) {
					byClass.computeIfAbsent("", k -> new ArrayList<>()).add(entry);
				}
			}
		} catch (IOException e) {
			throw new DatasetException(folder + ": cannot be listed (" + e.getMessage() + ")", e);
		}
		return byClass;
	}

	private static boolean isImage(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return Files.isRegularFile(file)
				&& (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
	}

	private static byte[] decode(Path file, int resolution, int channels) throws DatasetException {
		BufferedImage image;
		try {
			image = ImageIO.read(file.toFile());
		} catch (IOException | RuntimeException e) {
			throw new DatasetException(file + ": corrupt or truncated image (" + e.getMessage() + ")", e);
		}
		if (image == null) {
			throw new DatasetException(file + ": not a readable PNG or JPEG image");
		}
		int height = image.getHeight();
		int width = image.getWidth();
		boolean colour = image.getColorModel().getNumColorComponents() >= 3;
		int sourceChannels = colour ? 3 : 1;
		byte[] source = new byte[sourceChannels * height * width];
		int plane = height * width;
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int rgb = image.getRGB(x, y);
				if (colour) {
					source[y * width + x] = (byte) (rgb >> 16);
					source[plane + y * width + x] = (byte) (rgb >> 8);
					source[2 * plane + y * width + x] = (byte) rgb;
				} else {
					source[y * width + x] = (byte) rgb;
				}
			}
		}
		return Resampler.resize(source, sourceChannels, height, width, channels, resolution);
	}
}
