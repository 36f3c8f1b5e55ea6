package org.ganworkbench.trainer.run;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * A full disk for the trainer's atomic writes, in tests (a small file system cannot be mounted without
 * root): writing one of the chosen files fails after its first bytes, with the message write(2)'s
 * ENOSPC gives in Java. Closing it gives the space back.
 */
public final class FullDisk implements AutoCloseable {

	private static final int ROOM = 4096;

	private FullDisk() {
	}

	public static FullDisk forFiles(Predicate<Path> refused) {
		AtomicFiles.streamFilter = (target, out) -> refused.test(target) ? new FillingStream(out) : out;
		return new FullDisk();
	}

	@Override
	public void close() {
		AtomicFiles.streamFilter = (target, out) -> out;
	}

	private static final class FillingStream extends FilterOutputStream {

		private int room = ROOM;

		FillingStream(OutputStream out) {
			super(out);
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			int fits = Math.min(len, room);
			out.write(b, off, fits);
			room -= fits;
			if (fits < len) {
				throw new IOException("No space left on device");
			}
		}
	}
}
