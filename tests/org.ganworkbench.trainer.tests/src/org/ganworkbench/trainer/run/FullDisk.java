package org.ganworkbench.trainer.run;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * A full disk for the trainer's atomic writes and its event log, in tests (a small file system cannot
 * be mounted without root): writing one of the chosen files or log lines fails after its first bytes,
 * with the message write(2)'s ENOSPC gives in Java. Closing it gives the space back.
 */
public final class FullDisk implements AutoCloseable {

	private static final int ROOM = 4096;

	private FullDisk() {
	}

	public static FullDisk forFiles(Predicate<Path> refused) {
		AtomicFiles.streamFilter = (target, out) -> refused.test(target) ? new FillingStream(out) : out;
		return new FullDisk();
	}

	/**
	 * A full disk for the event log of runs opened from now on: the first line {@code refused}
	 * accepts is cut after half its bytes, as a write that runs out of space; with {@code staysFull}
	 * every append after it fails too, otherwise the space is back for the next line.
	 */
	public static FullDisk forEventLog(Predicate<String> refused, boolean staysFull) {
		EventLogWriter.streamFilter = (log, out) -> new RefusingStream(out, refused, staysFull);
		return new FullDisk();
	}

	@Override
	public void close() {
		AtomicFiles.streamFilter = (target, out) -> out;
		EventLogWriter.streamFilter = (log, out) -> out;
	}

	/** Passes whole lines through until the refused one, of which it writes half. */
	private static final class RefusingStream extends FilterOutputStream {

		private final Predicate<String> refused;
		private final boolean staysFull;
		private boolean full;

		RefusingStream(OutputStream out, Predicate<String> refused, boolean staysFull) {
			super(out);
			this.refused = refused;
			this.staysFull = staysFull;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			if (full || refused.test(new String(b, off, len, StandardCharsets.UTF_8))) {
				full = staysFull;
				out.write(b, off, len / 2);
				throw new IOException("No space left on device");
			}
			out.write(b, off, len);
		}
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
