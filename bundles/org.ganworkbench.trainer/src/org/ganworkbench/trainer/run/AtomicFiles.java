package org.ganworkbench.trainer.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.function.BiFunction;

import org.ganworkbench.model.run.AtomicFile;

/**
 * The trainer's atomic writes ({@link AtomicFile}): a failure names the file and says what went wrong,
 * and tests can make a write fail as a full disk does.
 */
public final class AtomicFiles {

	/**
	 * Lies between a temporary file and the bytes written to it (target, stream to the file): the
	 * identity, except in tests, which make it fail as a full disk does (mounting a small file
	 * system takes root).
	 */
	static volatile BiFunction<Path, OutputStream, OutputStream> streamFilter = (target, out) -> out;

	private AtomicFiles() {
	}

	public static void write(Path target, AtomicFile.Content content) throws IOException {
		try {
			AtomicFile.write(target, out -> {
				OutputStream filtered = streamFilter.apply(target, out);
				content.writeTo(filtered);
				filtered.flush();
			});
		} catch (IOException e) {
			throw failure("write", target, e);
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
}
