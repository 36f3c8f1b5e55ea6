package org.ganworkbench.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Differentiable augmentation of real and fake images before D: a fixed probability, or adaptive
 * (ADA) when a target for r_t = E[sign D(real)] is given.
 */
public final class AugmentSpec {

	private final Settings settings;

	AugmentSpec(Settings settings) {
		this.settings = settings;
	}

	/** The augmentations in order; empty means augmentation is off. */
	public List<AugmentKind> policy() {
		List<AugmentKind> out = new ArrayList<>();
		for (Object o : settings.<Object>listValue("policy")) {
			out.add(Keyword.fromKeyword(AugmentKind.class, String.valueOf(o), AugmentKind.COLOR));
		}
		return out;
	}

	public boolean enabled() {
		return !policy().isEmpty();
	}

	/** The fixed probability, or the initial one (0) when adaptive. */
	public double probability() {
		return settings.doubleValue("probability", adaptive() ? 0 : Defaults.AUGMENT_PROBABILITY);
	}

	public boolean adaptive() {
		return target() > 0;
	}

	/** The r_t target of adaptive augmentation; 0 when the probability is fixed. */
	public double target() {
		return settings.doubleValue("target", Defaults.AUGMENT_TARGET);
	}
}
