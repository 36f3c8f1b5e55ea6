package org.ganworkbench.model.syntax;

/**
 * Shares the text of short tokens that repeat (keywords, keys, punctuation, small numbers), so a file
 * of 400,000 layers holds one "dense" rather than 400,000: fewer objects to allocate and for the
 * garbage collector to copy. A fixed table where a newer text replaces an older one with the same
 * slot, so it costs the same memory whatever the file holds.
 */
final class TokenTexts {

	/** Longer tokens are mostly unique (names, strings): not worth a look-up. */
	private static final int MAX_LENGTH = 24;
	private static final int SLOTS = 1024;

	private final String source;
	private final String[] texts = new String[SLOTS];

	TokenTexts(String source) {
		this.source = source;
	}

	/** {@code source.substring(start, end)}, shared with an earlier equal token when the table has it. */
	String text(int start, int end) {
		int length = end - start;
		if (length > MAX_LENGTH) {
			return source.substring(start, end);
		}
		int hash = 0;
		for (int i = start; i < end; i++) {
			hash = 31 * hash + source.charAt(i);
		}
		int slot = (hash ^ hash >>> 16) & SLOTS - 1;
		String cached = texts[slot];
		if (cached != null && cached.length() == length && source.regionMatches(start, cached, 0, length)) {
			return cached;
		}
		String text = source.substring(start, end);
		texts[slot] = text;
		return text;
	}
}
