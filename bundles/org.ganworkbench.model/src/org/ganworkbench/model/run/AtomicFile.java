package org.ganworkbench.model.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either nothing or the whole of it: the content goes to a hidden
 * temporary file in the same directory ({@code .NAME…tmp}, which readers of a run ignore), is forced
 * to disk, and is renamed over the target. A write that fails (a full disk) removes its temporary
 * file and leaves the target as it was. The trainer's files and the user's labels are written so.
 */
public final class AtomicFile {

	/** The content of a file, written to a stream (which the content need not close). */
	@FunctionalInterface
	public interface Content {
		void writeTo(OutputStream out) throws IOException;
	}

	private AtomicFile() {
	}

	public static void write(Path target, Content content) throws IOException {
		Path dir = target.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		// Leading dot and ".tmp" suffix: listings of complete files (by suffix) never see it.
		Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
		try {
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = Channels.newOutputStream(channel)) {
				content.writeTo(out);
				out.flush();
				channel.force(true);
			}
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			temp = null;
		} finally {
			if (temp != null) {
				deleteQuietly(temp);
			}
		}
	}

	public static void writeString(Path target, String text) throws IOException {
		write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
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
