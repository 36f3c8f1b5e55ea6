package org.ganworkbench.ui.internal.editor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorInput;
import org.ganworkbench.model.ModelSource;

/**
 * How the editor opens a file that would block the UI thread as text: a binary file (a PNG renamed to
 * .gan, say), a file over {@value #LARGE_FILE} bytes, or one with a line over {@value #LONG_LINE}
 * characters. StyledText lays out a whole line at once and keeps every line's layout, so a 10 MB line
 * takes it seconds, and colouring megabytes takes the presentation reconciler as long. Such a file is
 * opened read-only: no source editor, a message and a preview of its start on the Source page, and the
 * model read from the file's bytes in a job for the other pages, the outline and the problems.
 *
 * @param message why, shown at the top of every page
 * @param preview the start of the file, lines cut (text) or as hex (binary)
 */
record SafeMode(IFile file, String message, String preview) {

	static final int LARGE_FILE = 1 << 20;
	static final int LONG_LINE = 10_000;
	private static final int PREVIEW_BYTES = 64 * 1024;

	/** The safe mode of an editor input, or null for a file the normal editor handles (or no file). */
	static SafeMode of(IEditorInput input) {
		IFile file = input.getAdapter(IFile.class);
		if (file == null) {
			return null;
		}
		// A file known to be large: its first 64 KB say whether it is binary and make the preview; any
		// other: at most 1 MB + 1 byte. Either is quick on the UI thread, the first about 16 times quicker.
		long size = sizeOf(file, -1);
		byte[] head;
		try (InputStream in = file.getContents(true)) {
			head = in.readNBytes(size > LARGE_FILE ? PREVIEW_BYTES : LARGE_FILE + 1);
		} catch (IOException | CoreException e) {
			return null; // the text editor reports an unreadable file as it always has
		}
		ModelSource decoded = ModelSource.decode(head);
		if (decoded.isBinary()) {
			return new SafeMode(file, NLS.bind(Messages.SafeMode_binary, decoded.problems().get(0).message()),
					SafePreview.hex(head));
		}
		if (size > LARGE_FILE || head.length > LARGE_FILE) {
			return new SafeMode(file, NLS.bind(Messages.SafeMode_large, megabytes(sizeOf(file, head.length))),
					SafePreview.text(head, PREVIEW_BYTES));
		}
		int longest = SafePreview.longestLine(head);
		if (longest > LONG_LINE) {
			return new SafeMode(file, NLS.bind(Messages.SafeMode_longLine, String.format(Locale.ROOT, "%,d", longest)), //$NON-NLS-1$
					SafePreview.text(head, PREVIEW_BYTES));
		}
		return null;
	}

	private static long sizeOf(IFile file, long atLeast) {
		IPath location = file.getLocation();
		try {
			return location == null ? atLeast : Files.size(location.toPath());
		} catch (IOException e) {
			return atLeast;
		}
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6); //$NON-NLS-1$
	}

	/** The whole file, for the parse job (not the UI thread). */
	byte[] contents() {
		try (InputStream in = file.getContents(true)) {
			return in.readAllBytes();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (CoreException e) {
			throw new IllegalStateException(e);
		}
	}
}
