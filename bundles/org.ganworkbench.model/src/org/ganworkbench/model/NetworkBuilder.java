package org.ganworkbench.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

import org.ganworkbench.model.syntax.BlockNode;
import org.ganworkbench.model.syntax.Node;
import org.ganworkbench.model.syntax.ProblemSink;
import org.ganworkbench.model.syntax.Snippet;
import org.ganworkbench.model.syntax.PropertyNode;
import org.ganworkbench.model.syntax.ValueNode;
import org.ganworkbench.model.syntax.Severity;

/**
 * Reads the layers of a generator or discriminator block, links them into a graph (sequential
 * unless {@code input}/{@code inputs} say otherwise), orders them and runs shape inference.
 */
final class NetworkBuilder {

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
		List<BlockNode> children = block.blocks();
		Map<String, Layer> byName = new HashMap<>(children.size() * 4 / 3 + 1); // sized: no rehash of 400,000 names
		List<Layer> declared = new ArrayList<>(children.size());
		for (BlockNode child : children) {
			Layer layer = layer(child, declared, byName, defaultSpectralNorm);
			if (layer != null) {
				layer.position = declared.size();
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
		infer(ordered, inputShape);
		warnUnused(ordered, output);
		long embedding = embeddingParams(ordered);
		checkTotal(ordered, embedding);
		return new Network(role, settings, ordered, output, inputShape, embedding);
	}

	private Layer layer(BlockNode child, List<Layer> previous, Map<String, Layer> byName, boolean defaultSpectralNorm) {
		LayerType type = LayerType.fromKeyword(child.keyword());
		if (type == null) {
			problems.error(child.header(), "unknown layer type " + Snippet.quote(child.keyword()) + " (known types: "
					+ String.join(", ", LayerType.keywords()) + ")");
			return null;
		}
		for (BlockNode nested : child.blocks()) {
			problems.error(nested.header(), "a layer cannot contain the block " + Snippet.quote(nested.keyword()));
		}
		String name = child.name();
		if (name == null) {
			name = autoName(type, previous.size() + 1, byName::containsKey);
		} else if (!isSimpleName(name)) {
			problems.error(child.nameNode(), "layer name " + Snippet.quote(name) + " must be a simple name (letters, digits, _)");
		} else if (name.equals(role.inputName())) {
			problems.error(child.nameNode(), Snippet.quote(name) + " is the " + role.keyword() + "'s input and cannot name a layer");
		} else if (byName.containsKey(name)) {
			problems.error(child.nameNode(), "layer name " + Snippet.quote(name) + " is used twice in the " + role.keyword()
					+ " (first on line " + byName.get(name).line() + ")");
			return null;
		}
		Settings settings = reader.read(child, type.schema());
		List<String> inputs = inputs(child, type, settings, previous);
		Node header = child.header();
		return new Layer(name, type, inputs, settings, settings.boolValue("spectral_norm", defaultSpectralNorm),
				header.offset(), header.length(), problems.lineOf(header.offset()), problems.columnOf(header.offset()));
	}

	/** [A-Za-z_][A-Za-z0-9_]*, checked without a regex matcher per layer; {@link ModelEdits} checks new names with it. */
	static boolean isSimpleName(String name) {
		if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * type + position, e.g. "relu4", made unique against the names declared before it; {@link ModelEdits}
	 * names unnamed layers with it as the diagram shows them.
	 */
	static String autoName(LayerType type, int position, Predicate<String> taken) {
		String name = type.keyword() + position;
		while (taken.test(name)) {
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
		if (inputs.isEmpty()) {
			problems.error(inputsNode(child, settings), "'inputs' must name at least one layer");
			return List.of(implicit);
		}
		if (type.isMerge() && inputs.size() < 2) {
			problems.error(inputsNode(child, settings),
					type.keyword() + " " + Snippet.quote(nameOf(child, previous)) + " needs 'inputs = [a, b]' with two or more layers");
		} else if (!type.isMerge() && type != LayerType.CUSTOM && inputs.size() > 1) {
			problems.error(inputsNode(child, settings),
					type.keyword() + " " + Snippet.quote(nameOf(child, previous)) + " takes one input, got " + inputs.size());
			return inputs.subList(0, 1);
		}
		return inputs;
	}

	/** Where problems about a layer's inputs point; made only for a problem (a header is a new node). */
	private static Node inputsNode(BlockNode child, Settings settings) {
		return settings.has("inputs") ? settings.node("inputs").value() : child.header();
	}

	private static String nameOf(BlockNode child, List<Layer> previous) {
		return child.name() != null ? child.name() : child.keyword() + (previous.size() + 1);
	}

	/**
	 * Kahn's algorithm, always taking the ready layer declared first, so sequential networks keep
	 * their order; a heap of declaration indices keeps that n log n. The consumers of each layer are
	 * linked lists in int arrays (no list per layer). Layers on a cycle are reported and appended
	 * unordered (their shapes stay unknown).
	 */
	private List<Layer> order(List<Layer> declared, Map<String, Layer> byName) {
		int count = declared.size();
		int edges = 0;
		for (Layer layer : declared) {
			edges += layer.inputs().size();
		}
		int[] missing = new int[count];
		int[] firstConsumer = new int[count];
		Arrays.fill(firstConsumer, -1);
		int[] consumer = new int[edges];
		int[] nextConsumer = new int[edges];
		int edge = 0;
		for (int index = 0; index < count; index++) {
			Layer layer = declared.get(index);
			layer.sources = new Layer[layer.inputs().size()];
			for (int i = 0; i < layer.inputs().size(); i++) {
				String input = layer.inputs().get(i);
				if (input.equals(role.inputName())) {
					continue;
				}
				// most layers take the one declared before: no hash lookup (a cache miss in a large file)
				Layer before = index > 0 ? declared.get(index - 1) : null;
				Layer producer = before != null && before.name().equals(input) ? before : byName.get(input);
				layer.sources[i] = producer;
				if (producer == null) {
					problems.error(inputNode(layer, i), "unknown layer " + Snippet.quote(input) + " in the inputs of "
							+ ShapeInference.describe(layer) + " (the " + role.keyword() + "'s input is '" + role.inputName() + "')");
					continue;
				}
				missing[index]++;
				consumer[edge] = index;
				nextConsumer[edge] = firstConsumer[producer.position];
				firstConsumer[producer.position] = edge++;
			}
		}
		PriorityQueue<Integer> ready = new PriorityQueue<>();
		for (int index = 0; index < count; index++) {
			if (missing[index] == 0) {
				ready.add(index);
			}
		}
		List<Layer> ordered = new ArrayList<>(count);
		while (!ready.isEmpty()) {
			int index = ready.poll();
			ordered.add(declared.get(index));
			for (int e = firstConsumer[index]; e >= 0; e = nextConsumer[e]) {
				if (--missing[consumer[e]] == 0) {
					ready.add(consumer[e]);
				}
			}
		}
		if (ordered.size() < count) {
			Set<Layer> done = new HashSet<>(ordered);
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
		Map<Layer, Integer> positions = new HashMap<>();
		Layer current = start;
		while (!positions.containsKey(current)) {
			positions.put(current, path.size());
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
		List<Layer> cycle = positions.containsKey(current) ? path.subList(positions.get(current), path.size()) : path;
		List<String> names = new ArrayList<>();
		for (int i = cycle.size() - 1; i >= 0; i--) {
			names.add(cycle.get(i).name());
		}
		names.add(cycle.get(cycle.size() - 1).name());
		problems.error(inputNode(cycle.get(0), 0), "the layers form a cycle: " + Snippet.path(names));
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
				problems.error(settings.node("output").value(), "unknown layer " + Snippet.quote(name) + " as the " + role.keyword() + "'s output");
			}
			return layer;
		}
		return declared.get(declared.size() - 1);
	}

	private void infer(List<Layer> ordered, Shape inputShape) {
		ShapeInference inference = new ShapeInference(problems, context, role.inputName());
		for (Layer layer : ordered) {
			List<Shape> ins = new ArrayList<>(layer.inputs().size());
			for (int i = 0; i < layer.inputs().size(); i++) {
				Layer source = layer.sources[i];
				ins.add(layer.inputs().get(i).equals(role.inputName()) ? inputShape
						: source == null ? null : source.outputShape());
			}
			if (!ins.contains(null)) {
				inference.infer(layer, ins);
			}
		}
	}

	private void warnUnused(List<Layer> ordered, Layer output) {
		if (output == null) {
			return;
		}
		boolean[] used = new boolean[ordered.size()]; // by position: no set entry per layer
		Deque<Layer> todo = new ArrayDeque<>();
		todo.add(output);
		while (!todo.isEmpty()) {
			Layer layer = todo.pop();
			if (!used[layer.position]) {
				used[layer.position] = true;
				for (Layer source : layer.sources) {
					if (source != null) {
						todo.push(source);
					}
				}
			}
		}
		for (Layer layer : ordered) {
			if (!used[layer.position]) {
				problems.report(Severity.WARNING, layer.offset(), layer.length(), ShapeInference.describe(layer)
						+ " does not contribute to the " + role.keyword() + "'s output");
			}
		}
	}

	/** Reports the layer at which the network's parameter count passes the largest 64-bit count. */
	private void checkTotal(List<Layer> ordered, long embedding) {
		long total = embedding;
		for (Layer layer : ordered) {
			total = Counts.plus(total, layer.paramCount());
			if (total == Counts.TOO_LARGE) {
				if (layer.paramCount() != Counts.TOO_LARGE) { // else the layer reported its own count
					problems.error(layer.offset(), layer.length(), "the " + role.keyword() + "'s parameter count passes "
							+ Numbers.grouped(Counts.TOO_LARGE) + " (the largest 64-bit count) at " + ShapeInference.describe(layer));
				}
				return;
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
				return Counts.times(context.classes(), context.classEmbedding());
			}
		}
		return 0;
	}
}
