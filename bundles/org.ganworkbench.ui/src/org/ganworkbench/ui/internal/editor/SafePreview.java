package org.ganworkbench.ui.internal.editor;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.eclipse.osgi.util.NLS;

/**
 * The start of a file opened in safe mode, small enough for a read-only StyledText: text with each
 * line cut at {@value #LINE_CHARS} characters, or the first bytes of a binary file in hex.
 */
final class SafePreview {

	static final int LINE_CHARS = 500;
	private static final int HEX_BYTES = 256;
	private static final int HEX_PER_LINE = 16;

	private SafePreview() {
	}

	/** The longest line in bytes (a UTF-8 character may take several: an upper bound of its characters). */
	static int longestLine(byte[] bytes) {
		int longest = 0;
		int start = 0;
		for (int i = 0; i <= bytes.length; i++) {
			if (i == bytes.length || bytes[i] == '\n') {
				longest = Math.max(longest, i - start);
				start = i + 1;
			}
		}
		return longest;
	}

	/** The first {@code limit} bytes as text, each line cut, and a last line saying that more follows. */
	static String text(byte[] bytes, int limit) {
		String text = new String(bytes, 0, Math.min(bytes.length, limit), StandardCharsets.UTF_8);
		StringBuilder out = new StringBuilder();
		for (String line : text.split("\n", -1)) { //$NON-NLS-1$
			if (line.length() > LINE_CHARS) {
				out.append(line, 0, LINE_CHARS).append(NLS.bind(Messages.SafePreview_lineCut, line.length() - LINE_CHARS));
			} else {
				out.append(line);
			}
			out.append('\n');
		}
		if (bytes.length > limit) {
			out.append(NLS.bind(Messages.SafePreview_more, String.format(Locale.ROOT, "%,d", limit))); //$NON-NLS-1$
		}
		return out.toString();
	}

	/** The first bytes as hex, {@value #HEX_PER_LINE} a line with their offset. */
	static String hex(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		int end = Math.min(bytes.length, HEX_BYTES);
		for (int line = 0; line < end; line += HEX_PER_LINE) {
			out.append(String.format(Locale.ROOT, "%08x ", line)); //$NON-NLS-1$
			for (int i = line; i < Math.min(end, line + HEX_PER_LINE); i++) {
				out.append(String.format(Locale.ROOT, " %02x", bytes[i] & 0xFF)); //$NON-NLS-1$
			}
			out.append('\n');
		}
		if (bytes.length > end) {
			out.append(NLS.bind(Messages.SafePreview_more, String.format(Locale.ROOT, "%,d", end))); //$NON-NLS-1$
		}
		return out.toString();
	}
}
