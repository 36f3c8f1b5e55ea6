package org.ganworkbench.model;

import java.util.Locale;

/**
 * A choice that model files write as a word: the enum constant's name in lower case
 * ({@code non_saturating}, {@code fashion_mnist}). The keyword enums implement it and share the
 * lookups below instead of each carrying a copy.
 */
public interface Keyword {

	/** The enum constant's name (implemented by {@link Enum#name()}). */
	String name();

	/** The word used in model files: the constant in lower case. */
	default String keyword() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Every keyword of the enum, in declaration order. */
	static <E extends Enum<E> & Keyword> String[] keywords(Class<E> type) {
		E[] all = type.getEnumConstants();
		String[] out = new String[all.length];
		for (int i = 0; i < all.length; i++) {
			out[i] = all[i].keyword();
		}
		return out;
	}

	/** The constant written as {@code keyword}, or {@code fallback} (the validator reports the word). */
	static <E extends Enum<E> & Keyword> E fromKeyword(Class<E> type, String keyword, E fallback) {
		for (E value : type.getEnumConstants()) {
			if (value.keyword().equals(keyword)) {
				return value;
			}
		}
		return fallback;
	}
}
