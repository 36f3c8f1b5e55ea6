package org.ganworkbench.trainer.run;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Lays out a batch of images [N, C, H, W] with values in [-1, 1] as a grid, 1 or 3 channels. */
public final class ImageGrid {

	static {
		// ImageIO's default disk cache registers a shutdown hook per stream: a grid written while the
		// JVM shuts down (Terminate, Ctrl-C) would then fail, and with it the last checkpoint.
		ImageIO.setUseCache(false);
	}


	private static final int GAP = 2;

	private ImageGrid() {
	}

	public static BufferedImage of(INDArray images, int columns) {
		long[] shape = images.shape();
		int n = (int) shape[0];
		int channels = (int) shape[1];
		int height = (int) shape[2];
		int width = (int) shape[3];
		int cols = Math.max(1, Math.min(columns, n));
		int rows = (n + cols - 1) / cols;
		BufferedImage grid = new BufferedImage(cols * (width + GAP) + GAP, rows * (height + GAP) + GAP,
				BufferedImage.TYPE_INT_RGB);
		float[] values = images.dup('c').castTo(DataType.FLOAT).data().asFloat();
		int plane = height * width;
		for (int i = 0; i < n; i++) {
			int x0 = GAP + (i % cols) * (width + GAP);
			int y0 = GAP + (i / cols) * (height + GAP);
			int base = i * channels * plane;
			for (int y = 0; y < height; y++) {
				for (int x = 0; x < width; x++) {
					int p = base + y * width + x;
					int r = toByte(values[p]);
					int g = channels >= 3 ? toByte(values[p + plane]) : r;
					int b = channels >= 3 ? toByte(values[p + 2 * plane]) : r;
					grid.setRGB(x0 + x, y0 + y, r << 16 | g << 8 | b);
				}
			}
		}
		return grid;
	}

	private static int toByte(float value) {
		if (Float.isNaN(value)) {
			return 0;
		}
		return Math.max(0, Math.min(255, Math.round((value + 1f) * 127.5f)));
	}

	public static void writePng(BufferedImage image, Path target) throws IOException {
		AtomicFiles.write(target, out -> {
			if (!ImageIO.write(image, "png", out)) {
				throw new IOException("no PNG writer available");
			}
		});
	}
}
