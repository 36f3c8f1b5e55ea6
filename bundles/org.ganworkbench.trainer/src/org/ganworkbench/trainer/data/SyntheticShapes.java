package org.ganworkbench.trainer.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Built-in images that need no files: one filled shape (circle, square, triangle or cross) of random
 * size, position and intensity (a random colour for 3 channels) on a dark background, with anti-aliased
 * edges. The class is the kind of shape. Image {@code i} depends only on the seed and {@code i}, so runs
 * are repeatable.
 */
public final class SyntheticShapes extends SquareImages {

	public static final String[] KINDS = { "circle", "square", "triangle", "cross" };
	private static final int DEFAULT_SIZE = 60_000;
	private static final int SUBPIXELS = 4;

	private final int size;
	private final long seed;

	public SyntheticShapes(int resolution, int channels, long seed) {
		this(resolution, channels, seed, DEFAULT_SIZE);
	}

	public SyntheticShapes(int resolution, int channels, long seed, int size) {
		super(channels, resolution);
		this.seed = seed;
		this.size = size;
	}

	@Override
	public String description() {
		return "synthetic shapes " + resolution + "x" + resolution + "x" + channels;
	}

	@Override
	public int size() {
		return size;
	}

	@Override
	public int classes() {
		return KINDS.length;
	}

	@Override
	public List<String> classNames() {
		return List.of(KINDS);
	}

	@Override
	public int label(int index) {
		return Math.floorMod(index, KINDS.length);
	}

	@Override
	public void image(int index, float[] target, int offset) {
		SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
		int kind = label(index);
		// Roughly centred, as MNIST's digits are: a small GAN learns the shapes in minutes, not hours.
		double radius = resolution * (0.26 + 0.14 * random.nextDouble());
		double cx = resolution / 2.0 + (random.nextDouble() - 0.5) * (resolution - 2 * radius) * 0.5;
		double cy = resolution / 2.0 + (random.nextDouble() - 0.5) * (resolution - 2 * radius) * 0.5;
		double intensity = 0.3 + 0.7 * random.nextDouble();
		float[] colour = new float[channels];
		for (int c = 0; c < channels; c++) {
			// Grey images get the intensity; colour images a random mix that keeps the same brightness.
			double share = channels == 1 ? 1 : 0.2 + 0.8 * random.nextDouble();
			colour[c] = (float) (intensity * share * 2 - 1);
		}
		int plane = resolution * resolution;
		for (int y = 0; y < resolution; y++) {
			for (int x = 0; x < resolution; x++) {
				float cover = coverage(kind, x, y, cx, cy, radius);
				for (int c = 0; c < channels; c++) {
					target[offset + c * plane + y * resolution + x] = -1f + cover * (colour[c] + 1f);
				}
			}
		}
	}

	/**
	 * The share of pixel (x, y) inside the shape, from SUBPIXELS x SUBPIXELS samples: edges are
	 * anti-aliased as in a photograph. Hard 0/1 edges no generator draws let D tell real from fake
	 * at a glance, and training stalls on that instead of learning shapes.
	 */
	private static float coverage(int kind, int x, int y, double cx, double cy, double radius) {
		int inside = 0;
		for (int sy = 0; sy < SUBPIXELS; sy++) {
			for (int sx = 0; sx < SUBPIXELS; sx++) {
				double px = x + (sx + 0.5) / SUBPIXELS;
				double py = y + (sy + 0.5) / SUBPIXELS;
				if (inside(kind, (px - cx) / radius, (py - cy) / radius)) {
					inside++;
				}
			}
		}
		return inside / (float) (SUBPIXELS * SUBPIXELS);
	}

	/** Whether the point (u, v), in units of the shape's radius around its centre, is inside it. */
	private static boolean inside(int kind, double u, double v) {
		return switch (kind) {
		case 0 -> u * u + v * v <= 1;
		case 1 -> Math.abs(u) <= 0.8 && Math.abs(v) <= 0.8;
		case 2 -> v <= 0.8 && v >= -1 + 1.8 * Math.abs(u);
		default -> Math.abs(u) <= 1 && Math.abs(v) <= 1 && (Math.abs(u) <= 0.3 || Math.abs(v) <= 0.3);
		};
	}
}
