package org.ganworkbench.model;

import java.util.Locale;

/** Where training images come from. */
public enum DataSource {
	SYNTHETIC, FASHION_MNIST, IMAGE_FOLDER;

	/** The word used in model files: the constant in lower case. */
	public String keyword() {
		return name().toLowerCase(Locale.ROOT);
	}

	static String[] keywords() {
		DataSource[] all = values();
		String[] out = new String[all.length];
		for (int i = 0; i < all.length; i++) {
			out[i] = all[i].keyword();
		}
		return out;
	}

	static DataSource fromKeyword(String keyword, DataSource fallback) {
		for (DataSource v : values()) {
			if (v.keyword().equals(keyword)) {
				return v;
			}
		}
		return fallback;
	}
}
