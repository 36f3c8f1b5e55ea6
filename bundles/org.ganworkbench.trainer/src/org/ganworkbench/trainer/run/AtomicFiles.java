package org.ganworkbench.trainer.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.BiFunction;

/**
 * Writes a file so that readers see either nothing or the whole of it: the content goes to a hidden
 * temporary file in the same directory, is forced to disk, and is renamed over the target. A write
 * that fails (a full disk) removes its temporary file and leaves the target as it was.
 */
public final class AtomicFiles {

	/** The content of a file, written to a stream. */
	@FunctionalInterface
	public interface Content {
		void writeTo(OutputStream out) throws IOException;
	}

	/**
	 * Lies between a temporary file and the bytes written to it (target, stream to the file): the
	 * identity, except in tests, which make it fail as a full disk does (mounting a small file
	 * system takes root).
	 */
	static volatile BiFunction<Path, OutputStream, OutputStream> streamFilter = (target, out) -> out;

	private AtomicFiles() {
	}

	public static void write(Path target, Content content) throws IOException {
		Path dir = target.toAbsolutePath().getParent();
		Path temp = null;
		try {
			Files.createDirectories(dir);
			// Leading dot and ".tmp" suffix: listings of complete files (by suffix) never see it.
			temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING);
					OutputStream out = streamFilter.apply(target, Channels.newOutputStream(channel))) {
				content.writeTo(out);
				out.flush();
				channel.force(true);
			}
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			temp = null;
		} catch (IOException e) {
			throw failure("write", target, e);
		} finally {
			if (temp != null) {
				deleteQuietly(temp);
			}
		}
	}

	public static void writeString(Path target, String text) throws IOException {
		write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	/** An I/O error that names the file and says what went wrong: "could not write F: No space left on device". */
	static IOException failure(String action, Path file, IOException cause) {
		return new IOException("could not " + action + " " + file + ": " + reason(cause), cause);
	}

	/** The operating system's words where there are some; wrappers (ImageIO's) hide them in a cause. */
	private static String reason(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		if (root instanceof FileSystemException fs) {
			return fs.getReason() != null ? fs.getReason() : fs.getClass().getSimpleName() + " " + fs.getFile();
		}
		return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
	}

	/** Frees the space a failed write took; a temporary file left behind is ignored by readers anyway. */
	private static void deleteQuietly(Path temp) {
		try {
			Files.deleteIfExists(temp);
		} catch (IOException e) {
			// the failure being reported matters more
		}
	}
}
