package org.ganworkbench.model;

import java.util.Locale;

/** The adversarial loss. RELATIVISTIC is the relativistic pairing loss (RpGAN, used by R3GAN). */
public enum LossKind {
	NON_SATURATING, HINGE, WASSERSTEIN_GP, RELATIVISTIC, LEAST_SQUARES;

	/** The word used in model files: the constant in lower case. */
	public String keyword() {
		return name().toLowerCase(Locale.ROOT);
	}

	static String[] keywords() {
		LossKind[] all = values();
		String[] out = new String[all.length];
		for (int i = 0; i < all.length; i++) {
			out[i] = all[i].keyword();
		}
		return out;
	}

	static LossKind fromKeyword(String keyword, LossKind fallback) {
		for (LossKind v : values()) {
			if (v.keyword().equals(keyword)) {
				return v;
			}
		}
		return fallback;
	}
}
