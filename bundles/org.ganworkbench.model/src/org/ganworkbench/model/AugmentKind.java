package org.ganworkbench.model;

/** Differentiable augmentations (DiffAugment). */
public enum AugmentKind implements Keyword {
	COLOR, TRANSLATION, CUTOUT;
}
