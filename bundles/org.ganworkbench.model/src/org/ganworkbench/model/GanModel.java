package org.ganworkbench.model;

import org.ganworkbench.model.sweep.SweepSpec;

/** A whole GAN as read from a model file, defaults applied; partial when the file has errors. */
public final class GanModel {

	private final String name;
	private final LatentSpec latent;
	private final DataSpec data;
	private final Network generator;
	private final Network discriminator;
	private final TrainingSpec training;
	private final SweepSpec sweep;

	GanModel(String name, LatentSpec latent, DataSpec data, Network generator, Network discriminator,
			TrainingSpec training, SweepSpec sweep) {
		this.name = name;
		this.latent = latent;
		this.data = data;
		this.generator = generator;
		this.discriminator = discriminator;
		this.training = training;
		this.sweep = sweep;
	}

	static GanModel empty() {
		Settings none = Settings.EMPTY;
		return new GanModel("", new LatentSpec(none, 1), new DataSpec(none), Network.empty(NetworkRole.GENERATOR),
				Network.empty(NetworkRole.DISCRIMINATOR), new TrainingSpec(none, none, none, none, none, none), null);
	}

	/** The name after the {@code gan} keyword; empty when absent. */
	public String name() {
		return name;
	}

	public LatentSpec latent() {
		return latent;
	}

	public DataSpec data() {
		return data;
	}

	public Network generator() {
		return generator;
	}

	public Network discriminator() {
		return discriminator;
	}

	public TrainingSpec training() {
		return training;
	}

	/** The model's sweep block, or null when it has none (a sweep of this model needs one). */
	public SweepSpec sweep() {
		return sweep;
	}
}
