package org.ganworkbench.model.syntax;

import java.util.List;
import java.util.Locale;

/**
 * User text as messages show it: control and other invisible characters escaped, so a message stays
 * one readable line, and cut after {@value #MAX_CHARS} characters, since a name or value in a file may
 * be megabytes long.
 */
public final class Snippet {

	public static final int MAX_CHARS = 40;
	/** A cycle or list longer than this shows its first and last names only. */
	private static final int MAX_NAMES = 8;

	private Snippet() {
	}

	/** {@code 'text'}, escaped and cut. */
	public static String quote(String text) {
		return "'" + of(text) + "'";
	}

	/** The text escaped and cut, without quotes. */
	public static String of(String text) {
		int end = Math.min(text.length(), MAX_CHARS);
		if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
			end--; // do not split a character
		}
		StringBuilder out = new StringBuilder();
		appendEscaped(text, 0, end, out);
		if (end < text.length()) {
			out.append(String.format(Locale.ROOT, "... (%,d characters)", text.length()));
		}
		return out.toString();
	}

	/** "a -> b -> a"; long paths keep their first and last names around "... (N more)". */
	public static String path(List<String> names) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < names.size(); i++) {
			if (names.size() > MAX_NAMES && i == MAX_NAMES / 2) {
				out.append(String.format(Locale.ROOT, " -> ... (%,d more)", names.size() - MAX_NAMES));
				i = names.size() - MAX_NAMES / 2;
			}
			out.append(out.length() == 0 ? "" : " -> ").append(of(names.get(i)));
		}
		return out.toString();
	}

	/** A whole message with its invisible characters escaped; printable text is kept as it is. */
	static String escaped(String message) {
		for (int i = 0; i < message.length(); i++) {
			if (isInvisible(message.charAt(i))) {
				StringBuilder out = new StringBuilder();
				appendEscaped(message, 0, message.length(), out);
				return out.toString();
			}
		}
		return message;
	}

	private static void appendEscaped(String text, int start, int end, StringBuilder out) {
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			switch (c) {
			case '\n' -> out.append("\\n");
			case '\r' -> out.append("\\r");
			case '\t' -> out.append("\\t");
			default -> {
				if (isInvisible(c) || Character.isSurrogate(c) && !isPairAt(text, i)) {
					out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
				} else {
					out.append(c);
				}
			}
			}
		}
	}

	/** Control, format (BOM, bidi overrides) and line-separator characters. */
	private static boolean isInvisible(char c) {
		int type = Character.getType(c);
		return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR;
	}

	private static boolean isPairAt(String text, int i) {
		char c = text.charAt(i);
		return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
				: i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
	}
}
