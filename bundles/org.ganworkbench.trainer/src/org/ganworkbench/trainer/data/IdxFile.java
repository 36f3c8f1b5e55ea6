package org.ganworkbench.trainer.data;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An IDX file (the MNIST format) of unsigned bytes, raw or gzip-compressed: a magic number
 * 0x000008NN (NN = number of dimensions), the dimensions as big-endian ints, then the values.
 */
final class IdxFile {

	final Path file;
	final int[] dimensions;
	final byte[] values;

	private IdxFile(Path file, int[] dimensions, byte[] values) {
		this.file = file;
		this.dimensions = dimensions;
		this.values = values;
	}

	static IdxFile read(Path file, int expectedDimensions, String what) throws DatasetException {
		byte[] bytes = readAll(file, what);
		if (bytes.length < 4 || bytes[0] != 0 || bytes[1] != 0 || (bytes[2] & 0xFF) != 0x08) {
			throw new DatasetException(file + ": not an IDX file of unsigned bytes (" + what
					+ "): the header does not start with 00 00 08");
		}
		int rank = bytes[3] & 0xFF;
		if (rank != expectedDimensions) {
			throw new DatasetException(file + ": expected " + what + " with " + expectedDimensions
					+ " dimensions, the IDX header says " + rank);
		}
		if (bytes.length < 4 + 4 * rank) {
			throw new DatasetException(file + ": truncated IDX header");
		}
		int[] dims = new int[rank];
		long expected = 1;
		for (int i = 0; i < rank; i++) {
			int at = 4 + 4 * i;
			dims[i] = (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8
					| bytes[at + 3] & 0xFF;
			if (dims[i] <= 0) {
				throw new DatasetException(file + ": IDX dimension " + i + " is " + dims[i]);
			}
			expected *= dims[i];
		}
		long actual = bytes.length - 4 - 4L * rank;
		if (actual < expected) {
			throw new DatasetException(file + ": truncated: the header announces " + expected + " values, the file has "
					+ actual);
		}
		if (actual > expected) {
			throw new DatasetException(file + ": " + (actual - expected)
					+ " bytes more than the header announces; the file is not a valid IDX file");
		}
		byte[] values = new byte[(int) expected];
		System.arraycopy(bytes, 4 + 4 * rank, values, 0, values.length);
		return new IdxFile(file, dims, values);
	}

	private static byte[] readAll(Path file, String what) throws DatasetException {
		try (InputStream raw = Files.newInputStream(file)) {
			InputStream in = raw;
			if (file.getFileName().toString().endsWith(".gz")) {
				in = new GZIPInputStream(raw, 1 << 16);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			in.transferTo(out);
			return out.toByteArray();
		} catch (NoSuchFileException e) {
			throw new DatasetException(file + ": missing (" + what + ")");
		} catch (EOFException e) {
			throw new DatasetException(file + ": truncated: the compressed data ends early", e);
		} catch (ZipException e) {
			throw new DatasetException(file + ": corrupt gzip data (" + e.getMessage() + ")", e);
		} catch (IOException e) {
			throw new DatasetException(file + ": cannot be read (" + e.getMessage() + ")", e);
		}
	}
}
