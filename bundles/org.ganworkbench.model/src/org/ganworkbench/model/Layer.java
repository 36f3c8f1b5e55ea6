package org.ganworkbench.model;

import java.util.List;
import java.util.Map;

/**
 * One layer of a network with its parameters as written and what inference found: input and output
 * shape and parameter count (null shapes when an earlier problem made them unknown).
 */
public final class Layer {

	private final String name;
	private final LayerType type;
	private final List<String> inputs;
	private final Settings settings;
	private final boolean spectralNorm;
	private final int offset;
	private final int length;
	private final int line;
	private final int column;
	/** Index in declaration (source) order within its network, set by the network builder. */
	int position;
	/**
	 * The layer each input names, resolved once by {@code NetworkBuilder} (null for the network's input
	 * or an unknown name): ordering, inference and the unused-layer check reuse it instead of a hash
	 * lookup each, which at hundreds of thousands of layers is a cache miss each.
	 */
	Layer[] sources;
	Shape inputShape;
	Shape outputShape;
	long paramCount;
	long trainableParamCount;

	Layer(String name, LayerType type, List<String> inputs, Settings settings, boolean spectralNorm, int offset,
			int length, int line, int column) {
		this.name = name;
		this.type = type;
		this.inputs = List.copyOf(inputs);
		this.settings = settings;
		this.spectralNorm = spectralNorm;
		this.offset = offset;
		this.length = length;
		this.line = line;
		this.column = column;
	}

	public String name() {
		return name;
	}

	public LayerType type() {
		return type;
	}

	/** Names of the layers (or the network input, "z" or "x") feeding this one. */
	public List<String> inputs() {
		return inputs;
	}

	public int intParam(String key, int fallback) {
		return settings.intValue(key, fallback);
	}

	public long longParam(String key, long fallback) {
		return settings.longValue(key, fallback);
	}

	public double doubleParam(String key, double fallback) {
		return settings.doubleValue(key, fallback);
	}

	public boolean boolParam(String key, boolean fallback) {
		return settings.boolValue(key, fallback);
	}

	public String stringParam(String key, String fallback) {
		return settings.stringValue(key, fallback);
	}

	public List<Integer> intListParam(String key) {
		return settings.listValue(key);
	}

	/** Where the layer sets {@code key}, for problems about its value; null when defaulted. */
	org.ganworkbench.model.syntax.PropertyNode node(String key) {
		return settings.node(key);
	}

	/** Whether the file sets {@code key}, even to a value that was rejected. */
	boolean writes(String key) {
		return settings.isWritten(key);
	}

	public boolean hasParam(String key) {
		return settings.has(key);
	}

	/** All parameters as written (decoded), e.g. a custom layer's own keys. */
	public Map<String, Object> params() {
		return settings.all();
	}

	/** Spectral normalisation of this layer's weights: its own key, else the network's default. */
	public boolean spectralNorm() {
		return spectralNorm;
	}

	public int line() {
		return line;
	}

	public int column() {
		return column;
	}

	public int offset() {
		return offset;
	}

	public int length() {
		return length;
	}

	public Shape inputShape() {
		return inputShape;
	}

	public Shape outputShape() {
		return outputShape;
	}

	/**
	 * Parameters as DL4J counts them for the built layer: for batch norm that includes the running
	 * mean and variance, which are not trained. Long.MAX_VALUE when the count passes what a long holds
	 * (an error of the model says so).
	 */
	public long paramCount() {
		return paramCount;
	}

	/** Parameters updated by the optimiser (DL4J's count minus running statistics). */
	public long trainableParamCount() {
		return trainableParamCount;
	}

	@Override
	public String toString() {
		return type.keyword() + " " + name;
	}
}
