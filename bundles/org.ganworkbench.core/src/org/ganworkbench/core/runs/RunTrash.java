package org.ganworkbench.core.runs;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deleting a run moves it to the desktop's trash where there is one (the freedesktop.org trash of
 * Linux desktops, in the user's home), so that a wrong click costs nothing. A run on another file
 * system than the trash cannot be moved there cheaply: the caller asks before deleting it for good.
 */
public final class RunTrash {

	private RunTrash() {
	}

	/** The trash folder of this user, or null when the platform has none we know. */
	public static Path trash() {
		if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) { //$NON-NLS-1$ //$NON-NLS-2$
			return null;
		}
		String dataHome = System.getenv("XDG_DATA_HOME"); //$NON-NLS-1$
		Path data = dataHome != null && !dataHome.isBlank() ? Path.of(dataHome)
				: Path.of(System.getProperty("user.home"), ".local", "share"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		return data.resolve("Trash"); //$NON-NLS-1$
	}

	/** Whether {@link #moveToTrash} can take this run: a trash exists on the run's own file system. */
	public static boolean canTrash(Path run) {
		Path trash = trash();
		if (trash == null) {
			return false;
		}
		try {
			Files.createDirectories(trash.resolve("files")); //$NON-NLS-1$
			Files.createDirectories(trash.resolve("info")); //$NON-NLS-1$
			FileStore runStore = Files.getFileStore(run);
			return runStore.equals(Files.getFileStore(trash));
		} catch (IOException e) {
			return false;
		}
	}

	/**
	 * Moves a run directory to the trash with the .trashinfo file that lets the desktop restore it.
	 * Returns where it went.
	 */
	public static Path moveToTrash(Path run) throws IOException {
		Path trash = trash();
		if (trash == null) {
			throw new IOException("this platform has no trash we can use"); //$NON-NLS-1$
		}
		return moveToTrash(run, trash);
	}

	static Path moveToTrash(Path run, Path trash) throws IOException {
		Path files = Files.createDirectories(trash.resolve("files")); //$NON-NLS-1$
		Path info = Files.createDirectories(trash.resolve("info")); //$NON-NLS-1$
		Path source = run.toAbsolutePath().normalize();
		String name = source.getFileName().toString();
		for (int i = 2; Files.exists(files.resolve(name)) || Files.exists(info.resolve(name + ".trashinfo")); i++) { //$NON-NLS-1$
			name = source.getFileName() + "." + i; //$NON-NLS-1$
		}
		String deleted = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
		// The info file first: a trash entry without it is invisible to the desktop, one without its files is dropped.
		Path infoFile = info.resolve(name + ".trashinfo"); //$NON-NLS-1$
		Files.writeString(infoFile, "[Trash Info]\nPath=" + encode(source) + "\nDeletionDate=" + deleted + "\n", //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
				StandardCharsets.UTF_8);
		try {
			return Files.move(source, files.resolve(name), StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			Files.deleteIfExists(infoFile);
			throw e;
		}
	}

	/** Deletes a run directory for good, files before their folders. */
	public static void delete(Path run) throws IOException {
		try (Stream<Path> files = Files.walk(run)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

	/** The path as the trash spec wants it: URI-escaped, without the scheme or a folder's last slash. */
	private static String encode(Path path) {
		String escaped = URI.create(path.toUri().toString()).getRawPath();
		return escaped.length() > 1 && escaped.endsWith("/") ? escaped.substring(0, escaped.length() - 1) : escaped; //$NON-NLS-1$
	}
}
