package org.ganworkbench.model;

/** The latent z: size, prior and whether it is split across G's blocks (BigGAN hierarchical latents). */
public final class LatentSpec {

	private final Settings settings;
	private final int chunks;

	LatentSpec(Settings settings, int chunks) {
		this.settings = settings;
		this.chunks = chunks;
	}

	public int size() {
		return settings.intValue("size", Defaults.LATENT_SIZE);
	}

	public PriorKind prior() {
		return Keyword.fromKeyword(PriorKind.class, settings.stringValue("prior", ""), Defaults.PRIOR);
	}

	/** Probability of a 1 for the Bernoulli priors. */
	public double probability() {
		return settings.doubleValue("probability", Defaults.BERNOULLI_P);
	}

	public boolean hierarchical() {
		return settings.boolValue("hierarchical", false);
	}

	/**
	 * Number of equal chunks z is split into: 1, or with hierarchical latents one for G's input and
	 * one per gblock.
	 */
	public int chunks() {
		return chunks;
	}

	public int chunkSize() {
		return size() / Math.max(1, chunks);
	}
}
