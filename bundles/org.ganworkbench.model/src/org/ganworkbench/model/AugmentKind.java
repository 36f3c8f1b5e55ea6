package org.ganworkbench.model;

import java.util.Locale;

/** Differentiable augmentations (DiffAugment). */
public enum AugmentKind {
	COLOR, TRANSLATION, CUTOUT;

	/** The word used in model files: the constant in lower case. */
	public String keyword() {
		return name().toLowerCase(Locale.ROOT);
	}

	static String[] keywords() {
		AugmentKind[] all = values();
		String[] out = new String[all.length];
		for (int i = 0; i < all.length; i++) {
			out[i] = all[i].keyword();
		}
		return out;
	}

	static AugmentKind fromKeyword(String keyword, AugmentKind fallback) {
		for (AugmentKind v : values()) {
			if (v.keyword().equals(keyword)) {
				return v;
			}
		}
		return fallback;
	}
}
