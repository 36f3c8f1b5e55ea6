package org.ganworkbench.model;

import java.util.Locale;

/** The optimiser of one network. */
public enum OptimizerKind {
	ADAM, RMSPROP, SGD;

	/** The word used in model files: the constant in lower case. */
	public String keyword() {
		return name().toLowerCase(Locale.ROOT);
	}

	static String[] keywords() {
		OptimizerKind[] all = values();
		String[] out = new String[all.length];
		for (int i = 0; i < all.length; i++) {
			out[i] = all[i].keyword();
		}
		return out;
	}

	static OptimizerKind fromKeyword(String keyword, OptimizerKind fallback) {
		for (OptimizerKind v : values()) {
			if (v.keyword().equals(keyword)) {
				return v;
			}
		}
		return fallback;
	}
}
