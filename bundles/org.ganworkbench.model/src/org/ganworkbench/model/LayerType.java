package org.ganworkbench.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The layer kinds of the format, each with its keyword and the keys it accepts. */
public enum LayerType {
	DENSE("dense", true, KeySpec.integer("units", 1, 1 << 24), KeySpec.bool("bias"), activation(), slope()),
	RESHAPE("reshape", false, KeySpec.intList("shape", 0)),
	FLATTEN("flatten", false),
	CONV("conv", true, KeySpec.integer("filters", 1, 1 << 16), KeySpec.integer("kernel", 1, 64),
			KeySpec.integer("stride", 1, 64), KeySpec.intOrChoice("padding", 0, 64, "same"), KeySpec.bool("bias"), activation(),
			slope()),
	DECONV("deconv", true, KeySpec.integer("filters", 1, 1 << 16), KeySpec.integer("kernel", 1, 64),
			KeySpec.integer("stride", 1, 64), KeySpec.intOrChoice("padding", 0, 64, "same"), KeySpec.bool("bias"), activation(),
			slope()),
	UPSAMPLE("upsample", false, KeySpec.integer("factor", 1, 16)),
	DOWNSAMPLE("downsample", false, KeySpec.integer("factor", 1, 16)),
	BATCH_NORM("batchnorm", false, KeySpec.positive("eps", 1), KeySpec.fraction("momentum")),
	CONDITIONAL_BATCH_NORM("cbn", false, KeySpec.positive("eps", 1), KeySpec.fraction("momentum")),
	LAYER_NORM("layernorm", false, KeySpec.positive("eps", 1)),
	RELU("relu", false),
	LEAKY_RELU("leaky_relu", false, slope()),
	TANH("tanh", false),
	SIGMOID("sigmoid", false),
	/** The "none" activation: passes its input through. */
	IDENTITY("identity", false),
	G_BLOCK("gblock", true, KeySpec.integer("filters", 1, 1 << 16), KeySpec.bool("up"), KeySpec.integer("kernel", 1, 15),
			KeySpec.choice("norm", "cbn", "batchnorm", "none")),
	D_BLOCK("dblock", true, KeySpec.integer("filters", 1, 1 << 16), KeySpec.bool("down"), KeySpec.integer("kernel", 1, 15),
			KeySpec.bool("preactivation")),
	SELF_ATTENTION("attention", true, KeySpec.bool("bias")),
	MINIBATCH_STDDEV("minibatch_stddev", false, KeySpec.integer("group", 1, 1024)),
	GLOBAL_POOL("global_pool", false, KeySpec.choice("mode", "sum", "avg")),
	PROJECTION("projection", true),
	ADD("add", false),
	CONCAT("concat", false),
	CUSTOM("custom", false, KeySpec.string("class"), KeySpec.intList("output", 0), KeySpec.integer("params", 0, Long.MAX_VALUE / 2));

	/** Looked up once per layer of a file: values() would copy the array each time. */
	private static final Map<String, LayerType> BY_KEYWORD = new HashMap<>();

	static {
		for (LayerType type : values()) {
			BY_KEYWORD.put(type.keyword, type);
		}
	}

	private final String keyword;
	private final boolean weighted;
	private final BlockSchema schema;

	LayerType(String keyword, boolean weighted, KeySpec... keys) {
		this.keyword = keyword;
		this.weighted = weighted;
		List<KeySpec> all = new ArrayList<>(List.of(keys));
		all.add(KeySpec.name("input"));
		all.add(KeySpec.nameList("inputs"));
		if (weighted) {
			all.add(KeySpec.bool("spectral_norm"));
		}
		this.schema = BlockSchema.of(keyword + " layer", all, keyword.equals("custom"));
	}

	private static KeySpec activation() {
		return KeySpec.choice("activation", "none", "relu", "leaky_relu", "tanh", "sigmoid");
	}

	private static KeySpec slope() {
		return KeySpec.number("slope", 0, 1);
	}

	public String keyword() {
		return keyword;
	}

	/** Whether the layer has weight matrices that spectral normalisation and orthogonal regularisation apply to. */
	public boolean hasWeights() {
		return weighted;
	}

	/** Layers that combine several inputs. */
	public boolean isMerge() {
		return this == ADD || this == CONCAT;
	}

	BlockSchema schema() {
		return schema;
	}

	/** Null when no layer type has that keyword. */
	public static LayerType fromKeyword(String keyword) {
		return BY_KEYWORD.get(keyword);
	}

	public static List<String> keywords() {
		List<String> out = new ArrayList<>();
		for (LayerType t : values()) {
			out.add(t.keyword);
		}
		return out;
	}
}
