package org.ganworkbench.model;

import java.util.List;

/** The generator or the discriminator: layers in topological order and network-wide settings. */
public final class Network {

	private final NetworkRole role;
	private final Settings settings;
	private final List<Layer> layers;
	private final Layer outputLayer;
	private final Shape inputShape;
	private final long sharedEmbeddingParams;
	/** Summed once, by the reader's thread: an editor paints them, and a network may have 400,000 layers. */
	private final long totalParams;
	private final long trainableParams;

	Network(NetworkRole role, Settings settings, List<Layer> layers, Layer outputLayer, Shape inputShape,
			long sharedEmbeddingParams) {
		this.role = role;
		this.settings = settings;
		this.layers = List.copyOf(layers);
		this.outputLayer = outputLayer;
		this.inputShape = inputShape;
		this.sharedEmbeddingParams = sharedEmbeddingParams;
		long total = sharedEmbeddingParams;
		long trainable = sharedEmbeddingParams;
		for (Layer layer : layers) {
			total = Counts.plus(total, layer.paramCount());
			trainable = Counts.plus(trainable, layer.trainableParamCount());
		}
		this.totalParams = total;
		this.trainableParams = trainable;
	}

	static Network empty(NetworkRole role) {
		return new Network(role, Settings.EMPTY, List.of(), null, null, 0);
	}

	public NetworkRole role() {
		return role;
	}

	public List<Layer> layers() {
		return layers;
	}

	public Layer layer(String name) {
		for (Layer layer : layers) {
			if (layer.name().equals(name)) {
				return layer;
			}
		}
		return null;
	}

	/** The layer whose output is the network's output: {@code output = name}, else the last layer. */
	public Layer outputLayer() {
		return outputLayer;
	}

	public Shape outputShape() {
		return outputLayer == null ? null : outputLayer.outputShape();
	}

	/** z (or its first chunk with hierarchical latents) for G, the image for D. */
	public Shape inputShape() {
		return inputShape;
	}

	/** Default of every weighted layer's {@code spectral_norm}. */
	public boolean spectralNorm() {
		return settings.boolValue("spectral_norm", Defaults.SPECTRAL_NORM);
	}

	/** Strength beta of BigGAN's orthogonal regularisation; 0 turns it off. */
	public double orthogonalRegularization() {
		return settings.doubleValue("ortho_reg", Defaults.ORTHO_REG);
	}

	/** Size of G's shared class embedding (BigGAN), used by every cbn layer. */
	public int classEmbedding() {
		return settings.intValue("class_embedding", Defaults.CLASS_EMBEDDING);
	}

	/** Parameters of G's shared class embedding (classes x size; 0 when unconditional or unused). */
	public long sharedEmbeddingParams() {
		return sharedEmbeddingParams;
	}

	/** Long.MAX_VALUE when the count passes what a long holds (an error of the model says where). */
	public long totalParams() {
		return totalParams;
	}

	public long trainableParams() {
		return trainableParams;
	}
}
