package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import javax.imageio.ImageIO;

import org.ganworkbench.trainer.data.BatchStream;
import org.ganworkbench.trainer.data.DatasetException;
import org.ganworkbench.trainer.data.FashionMnist;
import org.ganworkbench.trainer.data.ImageDataset;
import org.ganworkbench.trainer.data.ImageFolder;
import org.ganworkbench.trainer.data.SyntheticShapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {

	@TempDir
	Path dir;

	@Test
	void syntheticShapesAreInRangeAndLabelled() {
		ImageDataset shapes = new SyntheticShapes(16, 3, 1);
		float[] pixels = new float[3 * 16 * 16];
		for (int i = 0; i < 8; i++) {
			shapes.image(i, pixels, 0);
			double min = 1;
			double max = -1;
			for (float v : pixels) {
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
			assertEquals(-1, min, 1e-6, "background");
			assertTrue(max > -0.5 && max <= 1, "a visible shape");
			assertEquals(i % 4, shapes.label(i));
		}
		float[] again = new float[pixels.length];
		shapes.image(7, again, 0);
		assertTrue(Arrays.equals(pixels, again), "repeatable");
	}

	@Test
	void batchStreamRestartsAtAPosition() throws Exception {
		ImageDataset shapes = new SyntheticShapes(8, 1, 1, 10);
		float[] third;
		try (BatchStream stream = new BatchStream(shapes, 4, 5, 0)) {
			stream.take();
			stream.take();
			third = stream.take().pixels();
			assertEquals(3, stream.position());
		}
		try (BatchStream stream = new BatchStream(shapes, 4, 5, 2)) {
			assertTrue(Arrays.equals(third, stream.take().pixels()));
		}
	}

	@Test
	void readsGzippedIdxAndResizes() throws Exception {
		writeIdx(dir.resolve(FashionMnist.IMAGES + ".gz"), new int[] { 3, 28, 28 }, 3 * 28 * 28, true);
		writeIdx(dir.resolve(FashionMnist.LABELS + ".gz"), new int[] { 3 }, 3, true);
		ImageDataset data = FashionMnist.open(dir, 32, 3);
		assertEquals(3, data.size());
		assertEquals(10, data.classes());
		assertEquals(3, data.channels());
		assertEquals("9", data.classNames().get(9), "IDX files outside a fashion folder may be MNIST's digits");
	}

	@Test
	void missingTruncatedAndCorruptIdxFilesNameTheFile() throws Exception {
		DatasetException missing = assertThrows(DatasetException.class, () -> FashionMnist.open(dir, 28, 1));
		assertTrue(missing.getMessage().contains(FashionMnist.IMAGES) && missing.getMessage().contains("missing"),
				missing.getMessage());

		Path images = dir.resolve(FashionMnist.IMAGES);
		writeIdx(images, new int[] { 5, 28, 28 }, 4 * 28 * 28, false);
		writeIdx(dir.resolve(FashionMnist.LABELS), new int[] { 5 }, 5, false);
		DatasetException truncated = assertThrows(DatasetException.class, () -> FashionMnist.open(dir, 28, 1));
		assertTrue(truncated.getMessage().startsWith(images.toString()) && truncated.getMessage().contains("truncated"),
				truncated.getMessage());

		Files.delete(images);
		Path gz = dir.resolve(FashionMnist.IMAGES + ".gz");
		writeIdx(gz, new int[] { 5, 28, 28 }, 5 * 28 * 28, true);
		byte[] bytes = Files.readAllBytes(gz);
		Files.write(gz, Arrays.copyOf(bytes, bytes.length - 20));
		DatasetException cut = assertThrows(DatasetException.class, () -> FashionMnist.open(dir, 28, 1));
		assertTrue(cut.getMessage().startsWith(gz.toString()), cut.getMessage());

		Files.write(gz, new byte[] { 1, 2, 3, 4, 5 });
		DatasetException corrupt = assertThrows(DatasetException.class, () -> FashionMnist.open(dir, 28, 1));
		assertTrue(corrupt.getMessage().startsWith(gz.toString()), corrupt.getMessage());
	}

	@Test
	void realFashionMnistWhenInstalled() throws Exception {
		ImageDataset data = FashionMnist.open(RealFashionMnist.require(), 28, 1);
		assertEquals(60000, data.size());
		assertEquals("Sandal", data.classNames().get(5));
	}

	@Test
	void imageFolderWithClassesAndACorruptImage() throws Exception {
		for (String kind : new String[] { "a", "b" }) {
			Files.createDirectories(dir.resolve(kind));
			for (int i = 0; i < 2; i++) {
				BufferedImage image = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
				image.setRGB(3, 3, 0xFF0000);
				ImageIO.write(image, "png", dir.resolve(kind).resolve(i + ".png").toFile());
			}
		}
		ImageDataset data = ImageFolder.open(dir, 16, 3);
		assertEquals(4, data.size());
		assertEquals(2, data.classes());
		assertEquals(1, data.label(3));
		assertEquals(List.of("a", "b"), data.classNames(), "classes are named by their folders");

		Path bad = dir.resolve("b").resolve("2.png");
		byte[] good = Files.readAllBytes(dir.resolve("a").resolve("0.png"));
		Files.write(bad, Arrays.copyOf(good, good.length / 2));
		DatasetException e = assertThrows(DatasetException.class, () -> ImageFolder.open(dir, 16, 3));
		assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());

		DatasetException missing = assertThrows(DatasetException.class,
				() -> ImageFolder.open(dir.resolve("nope"), 16, 3));
		assertTrue(missing.getMessage().contains("nope"));
	}

	private static void writeIdx(Path file, int[] dims, int values, boolean gzip) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.write(new byte[] { 0, 0, 8, (byte) dims.length });
		for (int d : dims) {
			bytes.write(new byte[] { (byte) (d >>> 24), (byte) (d >>> 16), (byte) (d >>> 8), (byte) d });
		}
		for (int i = 0; i < values; i++) {
			bytes.write(i % 10);
		}
		try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
			out.write(bytes.toByteArray());
		}
	}
}
