package org.ganworkbench.model;

import java.util.ArrayList;
import java.util.List;

import org.ganworkbench.model.run.MetricNames;
import org.ganworkbench.model.sweep.SweepDimension;
import org.ganworkbench.model.sweep.SweepSpec;
import org.ganworkbench.model.syntax.BlockNode;
import org.ganworkbench.model.syntax.Node;
import org.ganworkbench.model.syntax.ProblemSink;
import org.ganworkbench.model.syntax.PropertyNode;
import org.ganworkbench.model.syntax.Snippet;
import org.ganworkbench.model.syntax.ValueKind;
import org.ganworkbench.model.syntax.ValueNode;

/**
 * Reads and checks a {@code sweep} block once the networks are built: every varied path must name a
 * training, latent or data key, or the width of a layer that exists; every listed value must be one
 * that key accepts; ranges must lie inside the key's range.
 */
final class SweepBuilder {

	/** Blocks whose keys a sweep may vary, besides layer widths. */
	private static final List<String> SETTINGS_BLOCKS = List.of("latent", "data", "training");
	private static final int MAX_GRID = 100_000;

	private final ProblemSink problems;
	private final SettingsReader reader;

	SweepBuilder(ProblemSink problems, SettingsReader reader) {
		this.problems = problems;
		this.reader = reader;
	}

	SweepSpec build(BlockNode block, Network generator, Network discriminator, TrainingSpec training) {
		Settings settings = reader.read(block, Schemas.SWEEP);
		List<SweepDimension> dimensions = new ArrayList<>();
		List<String> paths = new ArrayList<>();
		boolean incomplete = false; // a vary block with an error: the trial count is not known
		for (BlockNode child : block.blocks()) {
			if (!child.keyword().equals("vary")) {
				problems.error(child.header(), "unknown block " + Snippet.quote(child.keyword()) + " in sweep (known blocks: vary)");
				continue;
			}
			if (child.name() == null) {
				problems.error(child.header(), "vary needs the path of what it varies: vary \"training.g_optimizer.lr\" { ... }");
				continue;
			}
			if (paths.contains(child.name())) {
				problems.error(child.nameNode(), Snippet.quote(child.name()) + " is varied twice");
				continue;
			}
			paths.add(child.name());
			SweepDimension dimension = dimension(child, generator, discriminator);
			if (dimension != null) {
				dimensions.add(dimension);
			} else {
				incomplete = true;
			}
		}
		if (block.blocks().isEmpty()) {
			problems.error(block.header(), "a sweep needs at least one 'vary \"PATH\" { ... }' block");
		}
		List<Long> seeds = settings.has("seeds") ? settings.listValue("seeds") : List.of(training.seed());
		long combinations = 1;
		for (SweepDimension d : dimensions) {
			if (d.isGrid()) {
				combinations *= d.values().size();
				if (combinations > MAX_GRID) {
					problems.error(block.header(), "the grid has more than " + Numbers.grouped(MAX_GRID) + " combinations");
					combinations = MAX_GRID;
					break;
				}
			}
		}
		combinations *= Math.max(1, seeds.size());
		boolean ranges = dimensions.stream().anyMatch(d -> !d.isGrid());
		int trials;
		if (settings.has("trials")) {
			trials = settings.intValue("trials", 1);
			if (!ranges && !incomplete && trials > combinations) {
				problems.error(settings.node("trials").value(), "trials = " + trials + " but the grid and seeds give only "
						+ combinations + " different trials; add values, seeds or a range");
			}
		} else if (ranges) {
			problems.error(block.header(), "a sweep with a range ('min'/'max') needs 'trials = N'");
			trials = 1;
		} else {
			trials = (int) Math.min(combinations, MAX_GRID);
		}
		String objective = settings.stringValue("objective", SweepSpec.DEFAULT_OBJECTIVE);
		checkObjective(settings, objective, training);
		return new SweepSpec(dimensions, seeds, trials, settings.intValue("parallel", SweepSpec.DEFAULT_PARALLEL), objective,
				settings.boolValue("maximize", false), settings.boolValue("halving", false));
	}

	/** The schema takes only logged metrics; a quality one must also be measured. */
	private void checkObjective(Settings settings, String objective, TrainingSpec training) {
		if (settings.has("objective") && MetricNames.QUALITY.contains(objective) && training.intervals().quality() == 0) {
			problems.error(settings.node("objective").value(), "the objective " + Snippet.quote(objective)
					+ " is a quality metric, but training.intervals.quality is 0: no trial would measure it");
		}
	}

	private SweepDimension dimension(BlockNode vary, Network generator, Network discriminator) {
		String path = vary.name();
		KeySpec spec = target(path, vary.nameNode(), generator, discriminator);
		Settings settings = reader.read(vary, Schemas.VARY);
		if (spec == null) {
			return null;
		}
		boolean numeric = spec.type() == ValueType.INTEGER || spec.type() == ValueType.NUMBER
				|| spec.type() == ValueType.INTEGER_OR_CHOICE;
		boolean integer = spec.type() != ValueType.NUMBER;
		if (settings.has("values") == (settings.has("min") || settings.has("max"))) {
			problems.error(vary.header(), "give either 'values = [...]' or a range 'min = ...; max = ...' for "
					+ Snippet.quote(path));
			return null;
		}
		if (settings.has("values")) {
			PropertyNode values = settings.node("values");
			List<ValueNode> items = values.value().kind() == ValueKind.LIST ? values.value().items() : List.of(values.value());
			if (items.isEmpty()) {
				problems.error(values.value(), "'values' needs at least one value");
				return null;
			}
			List<String> texts = new ArrayList<>();
			for (ValueNode item : items) {
				if (reader.value(item, spec, Schemas.VARY) == null) {
					return null; // reported, with the key's own message
				}
				texts.add(item.text());
			}
			return new SweepDimension(path, texts, 0, 0, false, integer);
		}
		if (!numeric) {
			problems.error(vary.header(), Snippet.quote(path) + " is not a number: list its 'values' instead of a range");
			return null;
		}
		if (!settings.has("min") || !settings.has("max")) {
			problems.error(vary.header(), "a range needs both 'min' and 'max'");
			return null;
		}
		double min = settings.doubleValue("min", 0);
		double max = settings.doubleValue("max", 0);
		boolean log = "log".equals(settings.stringValue("scale", "linear"));
		for (String end : List.of("min", "max")) {
			PropertyNode node = settings.node(end);
			if (reader.value(node.value(), spec, Schemas.VARY) == null) {
				return null;
			}
		}
		if (min >= max) {
			problems.error(settings.node("max").value(), "'max' must be above 'min' (" + Numbers.format(min) + ")");
			return null;
		}
		if (log && min <= 0) {
			problems.error(settings.node("min").value(), "a log scale needs 'min' above 0");
			return null;
		}
		return new SweepDimension(path, List.of(), min, max, log, integer);
	}

	/** The key a path names, or null after a problem at the path. */
	private KeySpec target(String path, Node at, Network generator, Network discriminator) {
		String[] segments = path.split("\\.", -1);
		if (segments.length == 3 && (segments[0].equals("generator") || segments[0].equals("discriminator"))) {
			Network network = segments[0].equals("generator") ? generator : discriminator;
			Layer layer = network.layers().stream().filter(l -> l.name().equals(segments[1])).findFirst().orElse(null);
			if (layer == null) {
				problems.error(at, "no layer " + Snippet.quote(segments[1]) + " in the " + segments[0]);
				return null;
			}
			if (!List.of("filters", "units").contains(segments[2]) || !layer.type().schema().keys().containsKey(segments[2])) {
				problems.error(at, "a sweep varies a layer's width: " + Snippet.quote(segments[1]) + " (" + layer.type().keyword()
						+ ") has no '" + segments[2] + "'" + (layer.type().schema().keys().containsKey("filters") ? "; use filters"
								: layer.type().schema().keys().containsKey("units") ? "; use units" : ""));
				return null;
			}
			return layer.type().schema().keys().get(segments[2]);
		}
		boolean known = segments.length >= 2 && SETTINGS_BLOCKS.contains(segments[0])
				&& (segments.length == 2 || segments.length == 3 && segments[0].equals("training")
						&& ModelSchema.subBlocks("training").contains(segments[1]));
		KeySpec spec = known ? ModelSchema.key(path) : null;
		if (spec == null) {
			problems.error(at, "a sweep varies a key of latent, data or training (\"training.batch\", \"training.g_optimizer.lr\")"
					+ " or a layer's width (\"generator.NAME.filters\"), got " + Snippet.quote(path));
		}
		return spec;
	}
}
