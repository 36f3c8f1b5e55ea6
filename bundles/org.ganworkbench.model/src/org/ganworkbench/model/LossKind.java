package org.ganworkbench.model;

/** The adversarial loss. RELATIVISTIC is the relativistic pairing loss (RpGAN, used by R3GAN). */
public enum LossKind implements Keyword {
	NON_SATURATING, HINGE, WASSERSTEIN_GP, RELATIVISTIC, LEAST_SQUARES;
}
