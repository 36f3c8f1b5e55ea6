package org.ganworkbench.model;

import java.util.Locale;

/** The latent prior; BERNOULLI_PM1, CENSORED_NORMAL, NORMAL_BERNOULLI and THREE_BERNOULLI follow BigGAN appendix E. BERNOULLI_PM1 is {-1, 1} Bernoulli, NORMAL_BERNOULLI half the units normal and half Bernoulli {0,1}, THREE_BERNOULLI values in {-1, 0, 1} with equal probability. */
public enum PriorKind {
	NORMAL, UNIFORM, BERNOULLI, BERNOULLI_PM1, CENSORED_NORMAL, NORMAL_BERNOULLI, THREE_BERNOULLI;

	/** The word used in model files: the constant in lower case. */
	public String keyword() {
		return name().toLowerCase(Locale.ROOT);
	}

	static String[] keywords() {
		PriorKind[] all = values();
		String[] out = new String[all.length];
		for (int i = 0; i < all.length; i++) {
			out[i] = all[i].keyword();
		}
		return out;
	}

	static PriorKind fromKeyword(String keyword, PriorKind fallback) {
		for (PriorKind v : values()) {
			if (v.keyword().equals(keyword)) {
				return v;
			}
		}
		return fallback;
	}
}
