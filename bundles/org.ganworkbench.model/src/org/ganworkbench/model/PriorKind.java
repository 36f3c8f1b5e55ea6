package org.ganworkbench.model;

/** The latent prior; BERNOULLI_PM1, CENSORED_NORMAL, NORMAL_BERNOULLI and THREE_BERNOULLI follow BigGAN appendix E. BERNOULLI_PM1 is {-1, 1} Bernoulli, NORMAL_BERNOULLI half the units normal and half Bernoulli {0,1}, THREE_BERNOULLI values in {-1, 0, 1} with equal probability. */
public enum PriorKind implements Keyword {
	NORMAL, UNIFORM, BERNOULLI, BERNOULLI_PM1, CENSORED_NORMAL, NORMAL_BERNOULLI, THREE_BERNOULLI;
}
