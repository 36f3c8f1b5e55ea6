package org.ganworkbench.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.ganworkbench.model.syntax.BlockNode;
import org.ganworkbench.model.syntax.Node;
import org.ganworkbench.model.syntax.ProblemSink;
import org.ganworkbench.model.syntax.PropertyNode;
import org.ganworkbench.model.syntax.ValueNode;

/**
 * Reads the layers of a generator or discriminator block, links them into a graph (sequential
 * unless {@code input}/{@code inputs} say otherwise), orders them and runs shape inference.
 */
final class NetworkBuilder {

	private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final ProblemSink problems;
	private final SettingsReader reader;
	private final NetworkRole role;
	private final InferenceContext context;

	NetworkBuilder(ProblemSink problems, NetworkRole role, InferenceContext context) {
		this.problems = problems;
		this.reader = new SettingsReader(problems);
		this.role = role;
		this.context = context;
	}

	Network build(BlockNode block, Shape inputShape) {
		Settings settings = reader.read(block, role == NetworkRole.GENERATOR ? Schemas.GENERATOR : Schemas.DISCRIMINATOR);
		boolean defaultSpectralNorm = settings.boolValue("spectral_norm", Defaults.SPECTRAL_NORM);
		Map<String, Layer> byName = new LinkedHashMap<>();
		List<Layer> declared = new ArrayList<>();
		for (BlockNode child : block.blocks()) {
			Layer layer = layer(child, declared, byName, defaultSpectralNorm);
			if (layer != null) {
				declared.add(layer);
				byName.put(layer.name(), layer);
			}
		}
		if (declared.isEmpty()) {
			problems.error(block.header(), "the " + role.keyword() + " has no layers");
			return new Network(role, settings, declared, null, inputShape, 0);
		}
		List<Layer> ordered = order(declared, byName);
		Layer output = outputLayer(settings, declared, byName);
		infer(ordered, byName, inputShape);
		warnUnused(ordered, output, byName);
		return new Network(role, settings, ordered, output, inputShape, embeddingParams(ordered));
	}

	private Layer layer(BlockNode child, List<Layer> previous, Map<String, Layer> byName, boolean defaultSpectralNorm) {
		LayerType type = LayerType.fromKeyword(child.keyword());
		if (type == null) {
			problems.error(child.header(), "unknown layer type '" + child.keyword() + "' (known types: "
					+ String.join(", ", LayerType.keywords()) + ")");
			return null;
		}
		for (BlockNode nested : child.blocks()) {
			problems.error(nested.header(), "a layer cannot contain the block '" + nested.keyword() + "'");
		}
		String name = child.name();
		if (name == null) {
			name = autoName(type, previous.size() + 1, byName);
		} else if (!SIMPLE_NAME.matcher(name).matches()) {
			problems.error(child.nameNode(), "layer name '" + name + "' must be a simple name (letters, digits, _)");
		} else if (name.equals(role.inputName())) {
			problems.error(child.nameNode(), "'" + name + "' is the " + role.keyword() + "'s input and cannot name a layer");
		} else if (byName.containsKey(name)) {
			problems.error(child.nameNode(), "layer name '" + name + "' is used twice in the " + role.keyword()
					+ " (first on line " + byName.get(name).line() + ")");
			return null;
		}
		Settings settings = reader.read(child, type.schema());
		List<String> inputs = inputs(child, type, settings, previous);
		Node header = child.header();
		return new Layer(name, type, inputs, settings, settings.boolValue("spectral_norm", defaultSpectralNorm),
				header.offset(), header.length(), problems.lineOf(header.offset()), problems.columnOf(header.offset()));
	}

	/** type + position, e.g. "relu4", made unique against names written later too. */
	private static String autoName(LayerType type, int position, Map<String, Layer> byName) {
		String name = type.keyword() + position;
		while (byName.containsKey(name)) {
			name = name + "_";
		}
		return name;
	}

	private List<String> inputs(BlockNode child, LayerType type, Settings settings, List<Layer> previous) {
		String implicit = previous.isEmpty() ? role.inputName() : previous.get(previous.size() - 1).name();
		if (settings.has("input") && settings.has("inputs")) {
			problems.error(settings.node("inputs").keyNode(), "use either 'input' or 'inputs', not both");
		}
		List<String> inputs;
		if (settings.has("inputs")) {
			inputs = settings.listValue("inputs");
		} else if (settings.has("input")) {
			inputs = List.of(settings.stringValue("input", implicit));
		} else {
			inputs = List.of(implicit);
		}
		Node at = settings.has("inputs") ? settings.node("inputs").value() : child.header();
		if (inputs.isEmpty()) {
			problems.error(at, "'inputs' must name at least one layer");
			return List.of(implicit);
		}
		if (type.isMerge() && inputs.size() < 2) {
			problems.error(at, type.keyword() + " '" + nameOf(child, previous) + "' needs 'inputs = [a, b]' with two or more layers");
		} else if (!type.isMerge() && type != LayerType.CUSTOM && inputs.size() > 1) {
			problems.error(at, type.keyword() + " '" + nameOf(child, previous) + "' takes one input, got " + inputs.size());
			return inputs.subList(0, 1);
		}
		return inputs;
	}

	private static String nameOf(BlockNode child, List<Layer> previous) {
		return child.name() != null ? child.name() : child.keyword() + (previous.size() + 1);
	}

	/**
	 * Kahn's algorithm, preferring declaration order so sequential networks keep their order. Layers
	 * on a cycle are reported and appended unordered (their shapes stay unknown).
	 */
	private List<Layer> order(List<Layer> declared, Map<String, Layer> byName) {
		Map<Layer, Integer> missing = new HashMap<>();
		Map<String, List<Layer>> consumers = new HashMap<>();
		for (Layer layer : declared) {
			int count = 0;
			for (int i = 0; i < layer.inputs().size(); i++) {
				String input = layer.inputs().get(i);
				if (input.equals(role.inputName())) {
					continue;
				}
				if (!byName.containsKey(input)) {
					problems.error(inputNode(layer, i), "unknown layer '" + input + "' in the inputs of "
							+ ShapeInference.describe(layer) + " (the " + role.keyword() + "'s input is '" + role.inputName() + "')");
					continue;
				}
				count++;
				consumers.computeIfAbsent(input, k -> new ArrayList<>()).add(layer);
			}
			missing.put(layer, count);
		}
		List<Layer> ordered = new ArrayList<>();
		Set<Layer> done = new HashSet<>();
		boolean progress = true;
		while (progress) {
			progress = false;
			for (Layer layer : declared) {
				if (!done.contains(layer) && missing.get(layer) == 0) {
					done.add(layer);
					ordered.add(layer);
					for (Layer consumer : consumers.getOrDefault(layer.name(), List.of())) {
						missing.merge(consumer, -1, Integer::sum);
					}
					progress = true;
					break;
				}
			}
		}
		if (ordered.size() < declared.size()) {
			reportCycle(declared, done, byName);
			for (Layer layer : declared) {
				if (!done.contains(layer)) {
					ordered.add(layer);
				}
			}
		}
		return ordered;
	}

	private void reportCycle(List<Layer> declared, Set<Layer> done, Map<String, Layer> byName) {
		Layer start = declared.stream().filter(l -> !done.contains(l)).findFirst().orElseThrow();
		// walk inputs inside the unordered rest until a layer repeats: that is a cycle
		List<Layer> path = new ArrayList<>();
		Layer current = start;
		while (!path.contains(current)) {
			path.add(current);
			Layer next = null;
			for (String input : current.inputs()) {
				Layer candidate = byName.get(input);
				if (candidate != null && !done.contains(candidate)) {
					next = candidate;
					break;
				}
			}
			if (next == null) {
				break;
			}
			current = next;
		}
		List<Layer> cycle = path.contains(current) ? path.subList(path.indexOf(current), path.size()) : path;
		StringBuilder text = new StringBuilder();
		for (int i = cycle.size() - 1; i >= 0; i--) {
			text.append(cycle.get(i).name()).append(" -> ");
		}
		text.append(cycle.get(cycle.size() - 1).name());
		Layer first = cycle.get(0);
		problems.error(inputNode(first, 0), "the layers form a cycle: " + text);
	}

	private static Node inputNode(Layer layer, int index) {
		PropertyNode inputs = layer.node("inputs");
		if (inputs != null && index < inputs.value().items().size()) {
			ValueNode item = inputs.value().items().get(index);
			return item;
		}
		PropertyNode input = layer.node("input");
		return input != null ? input.value() : new PropertyNode.Range(layer.offset(), layer.length());
	}

	private Layer outputLayer(Settings settings, List<Layer> declared, Map<String, Layer> byName) {
		String name = settings.stringValue("output", null);
		if (name != null) {
			Layer layer = byName.get(name);
			if (layer == null) {
				problems.error(settings.node("output").value(), "unknown layer '" + name + "' as the " + role.keyword() + "'s output");
			}
			return layer;
		}
		return declared.get(declared.size() - 1);
	}

	private void infer(List<Layer> ordered, Map<String, Layer> byName, Shape inputShape) {
		ShapeInference inference = new ShapeInference(problems, context, role.inputName());
		for (Layer layer : ordered) {
			List<Shape> ins = new ArrayList<>();
			for (String input : layer.inputs()) {
				Layer source = byName.get(input);
				ins.add(input.equals(role.inputName()) ? inputShape : source == null ? null : source.outputShape());
			}
			if (!ins.contains(null)) {
				inference.infer(layer, ins);
			}
		}
	}

	private void warnUnused(List<Layer> ordered, Layer output, Map<String, Layer> byName) {
		if (output == null) {
			return;
		}
		Set<Layer> used = new HashSet<>();
		Deque<Layer> todo = new ArrayDeque<>();
		todo.add(output);
		while (!todo.isEmpty()) {
			Layer layer = todo.pop();
			if (used.add(layer)) {
				for (String input : layer.inputs()) {
					Layer source = byName.get(input);
					if (source != null) {
						todo.push(source);
					}
				}
			}
		}
		for (Layer layer : ordered) {
			if (!used.contains(layer)) {
				problems.report(Severity.WARNING, layer.offset(), layer.length(), ShapeInference.describe(layer)
						+ " does not contribute to the " + role.keyword() + "'s output");
			}
		}
	}

	/** BigGAN's shared class embedding, counted once for the generator when a cbn uses it. */
	private long embeddingParams(List<Layer> layers) {
		if (role != NetworkRole.GENERATOR || context.classes() == 0) {
			return 0;
		}
		for (Layer layer : layers) {
			boolean cbn = layer.type() == LayerType.CONDITIONAL_BATCH_NORM
					|| layer.type() == LayerType.G_BLOCK && "cbn".equals(layer.stringParam("norm", "cbn"));
			if (cbn && layer.outputShape() != null) {
				return (long) context.classes() * context.classEmbedding();
			}
		}
		return 0;
	}
}
