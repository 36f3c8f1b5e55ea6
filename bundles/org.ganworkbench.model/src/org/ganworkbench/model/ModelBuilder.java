package org.ganworkbench.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ganworkbench.model.sweep.SweepSpec;
import org.ganworkbench.model.syntax.BlockNode;
import org.ganworkbench.model.syntax.Node;
import org.ganworkbench.model.syntax.ProblemSink;
import org.ganworkbench.model.syntax.PropertyNode;
import org.ganworkbench.model.syntax.Snippet;

/** Turns the syntax tree into a {@link GanModel}, checking everything that is not a layer's own business. */
final class ModelBuilder {

	private static final List<String> SECTIONS = ModelSchema.subBlocks("gan");
	private static final List<String> TRAINING_SECTIONS = ModelSchema.subBlocks("training");

	private final ProblemSink problems;
	private final SettingsReader reader;

	ModelBuilder(ProblemSink problems) {
		this.problems = problems;
		this.reader = new SettingsReader(problems);
	}

	GanModel build(BlockNode root) {
		for (PropertyNode p : root.properties()) {
			problems.error(p.keyNode(), Snippet.quote(p.key()) + " must be inside the gan block");
		}
		BlockNode gan = null;
		for (BlockNode block : root.blocks()) {
			if (!block.keyword().equals("gan")) {
				problems.error(block.header(), "unknown block " + Snippet.quote(block.keyword()) + ": a model file holds one 'gan' block");
			} else if (gan != null) {
				problems.error(block.header(), "a model file holds only one 'gan' block");
			} else {
				gan = block;
			}
		}
		if (gan == null) {
			problems.error(0, 0, "the file has no 'gan { ... }' block");
			return GanModel.empty();
		}
		reader.read(gan, Schemas.GAN);
		Map<String, BlockNode> sections = sections(gan, SECTIONS, "the gan block");
		for (String required : List.of("data", "generator", "discriminator")) {
			if (!sections.containsKey(required)) {
				problems.error(gan.header(), "the gan block needs a '" + required + " { ... }' block");
			}
		}
		Settings latentSettings = settings(sections.get("latent"), Schemas.LATENT);
		DataSpec data = data(sections.get("data"));
		TrainingSpec training = training(sections.get("training"));
		BlockNode generatorBlock = sections.get("generator");
		int chunks = latentChunks(latentSettings, generatorBlock);
		LatentSpec latent = new LatentSpec(latentSettings, chunks);
		Settings generatorSettings = generatorBlock == null ? Settings.EMPTY : peek(generatorBlock);
		InferenceContext context = new InferenceContext(data.classes(),
				generatorSettings.intValue("class_embedding", Defaults.CLASS_EMBEDDING), chunks > 1 ? latent.chunkSize() : 0,
				training.batchSize());
		Network generator = generatorBlock == null ? Network.empty(NetworkRole.GENERATOR)
				: new NetworkBuilder(problems, NetworkRole.GENERATOR, context).build(generatorBlock,
						Shape.vector(latent.chunkSize()));
		BlockNode discriminatorBlock = sections.get("discriminator");
		Network discriminator = discriminatorBlock == null ? Network.empty(NetworkRole.DISCRIMINATOR)
				: new NetworkBuilder(problems, NetworkRole.DISCRIMINATOR, context).build(discriminatorBlock,
						data.imageKnown() ? data.imageShape() : null);
		checkOutputs(generator, discriminator, data, generatorBlock, discriminatorBlock);
		checkConditioning(discriminator, data, discriminatorBlock);
		SweepSpec sweep = sections.containsKey("sweep")
				? new SweepBuilder(problems, reader).build(sections.get("sweep"), generator, discriminator, training)
				: null;
		return new GanModel(gan.name() == null ? "" : gan.name(), latent, data, generator, discriminator, training, sweep);
	}

	/** The named sub-blocks of a block; unknown and repeated ones are reported. */
	private Map<String, BlockNode> sections(BlockNode block, List<String> allowed, String where) {
		Map<String, BlockNode> found = new LinkedHashMap<>();
		for (BlockNode child : block.blocks()) {
			if (!allowed.contains(child.keyword())) {
				problems.error(child.header(), "unknown block " + Snippet.quote(child.keyword()) + " in " + where + " (known blocks: "
						+ String.join(", ", allowed) + ")");
			} else if (found.containsKey(child.keyword())) {
				problems.error(child.header(), Snippet.quote(child.keyword()) + " appears twice in " + where);
			} else {
				if (child.name() != null) {
					problems.error(child.nameNode(), Snippet.quote(child.keyword()) + " takes no name");
				}
				found.put(child.keyword(), child);
			}
		}
		return found;
	}

	private Settings settings(BlockNode block, BlockSchema schema) {
		if (block == null) {
			return Settings.EMPTY;
		}
		if (schema != Schemas.TRAINING) {
			for (BlockNode nested : block.blocks()) {
				problems.error(nested.header(), "unknown block " + Snippet.quote(nested.keyword()) + " in " + schema.what());
			}
		}
		return reader.read(block, schema);
	}

	/** Reads network settings quietly; the network builder reads (and reports) them properly. */
	private static Settings peek(BlockNode block) {
		Settings quiet = new SettingsReader(new ProblemSink("")).read(block,
				Schemas.GENERATOR);
		return quiet;
	}

	private DataSpec data(BlockNode block) {
		Settings settings = settings(block, Schemas.DATA);
		DataSpec data = new DataSpec(settings);
		if (block == null) {
			return data;
		}
		Node sourceAt = settings.has("source") ? settings.node("source").value() : block.header();
		if (data.source() != DataSource.SYNTHETIC && data.path() == null) {
			problems.error(sourceAt, data.source().keyword() + " data needs 'path = \"...\"'");
		}
		if (data.source() == DataSource.SYNTHETIC && data.path() != null) {
			problems.warning(settings.node("path").keyNode(), "'path' is ignored for synthetic data");
		}
		if (data.source() == DataSource.IMAGE_FOLDER && !settings.has("image")) {
			problems.error(sourceAt, "image_folder data needs 'image = [channels, height, width]'");
		}
		if (settings.has("image") && data.channels() != 1 && data.channels() != 3) {
			problems.error(settings.node("image").value(), "images have 1 (grey) or 3 (RGB) channels, got " + data.channels());
		}
		if (settings.has("image") && data.imageShape().size() > Counts.MAX_VALUES) {
			problems.error(settings.node("image").value(), "images of " + data.imageShape() + " have more than "
					+ Numbers.grouped(Counts.MAX_VALUES) + " values, the limit");
		}
		if (data.source() == DataSource.FASHION_MNIST && !data.imageShape().equals(Shape.image(1, 28, 28))) {
			problems.error(settings.has("image") ? settings.node("image").value() : sourceAt,
					"Fashion-MNIST images are [1, 28, 28], not " + data.imageShape());
		}
		return data;
	}

	private TrainingSpec training(BlockNode block) {
		if (block == null) {
			return new TrainingSpec(Settings.EMPTY, Settings.EMPTY, Settings.EMPTY, Settings.EMPTY, Settings.EMPTY,
					Settings.EMPTY);
		}
		Settings settings = settings(block, Schemas.TRAINING);
		Map<String, BlockNode> sections = sections(block, TRAINING_SECTIONS, "training");
		Settings augment = settings(sections.get("augment"), Schemas.AUGMENT);
		TrainingSpec training = new TrainingSpec(settings, settings(sections.get("g_optimizer"), Schemas.OPTIMIZER),
				settings(sections.get("d_optimizer"), Schemas.OPTIMIZER), settings(sections.get("ema"), Schemas.EMA), augment,
				settings(sections.get("intervals"), Schemas.INTERVALS));
		if (augment.has("probability") && augment.has("target")) {
			problems.error(augment.node("target").keyNode(),
					"give either a fixed 'probability' or an adaptive 'target', not both");
		}
		if (settings.has("gp_weight") && training.loss() != LossKind.WASSERSTEIN_GP) {
			problems.warning(settings.node("gp_weight").keyNode(), "'gp_weight' is only used by loss = wasserstein_gp");
		}
		return training;
	}

	/** With hierarchical latents z is split evenly: one chunk for G's input, one per gblock. */
	private int latentChunks(Settings latent, BlockNode generator) {
		if (!latent.boolValue("hierarchical", false)) {
			return 1;
		}
		long blocks = generator == null ? 0 : generator.blocks().stream().filter(b -> b.keyword().equals("gblock")).count();
		if (blocks == 0) {
			problems.error(latent.node("hierarchical").value(), "hierarchical latents need gblock layers in the generator");
			return 1;
		}
		int size = latent.intValue("size", Defaults.LATENT_SIZE);
		int chunks = (int) blocks + 1;
		if (size % chunks != 0) {
			Node at = latent.has("size") ? latent.node("size").value() : latent.node("hierarchical").value();
			problems.error(at, "latent size " + size + " cannot be split into " + chunks + " equal chunks (the input and "
					+ blocks + " gblocks): use a multiple of " + chunks);
			return 1;
		}
		return chunks;
	}

	private void checkOutputs(Network generator, Network discriminator, DataSpec data, BlockNode generatorBlock,
			BlockNode discriminatorBlock) {
		Shape image = data.imageShape();
		Layer gOut = generator.outputLayer();
		if (gOut != null && gOut.outputShape() != null && data.imageKnown() && !gOut.outputShape().equals(image)) {
			problems.error(new org.ganworkbench.model.syntax.PropertyNode.Range(gOut.offset(), gOut.length()),
					"the generator's output " + gOut.outputShape().withBatch() + " (from " + Snippet.quote(gOut.name())
							+ ") does not match the dataset's image shape " + image.withBatch());
		}
		Layer dOut = discriminator.outputLayer();
		if (dOut != null && dOut.outputShape() != null && !dOut.outputShape().equals(Shape.vector(1))) {
			problems.error(new org.ganworkbench.model.syntax.PropertyNode.Range(dOut.offset(), dOut.length()),
					"the discriminator must output one scalar per sample ([N, 1]) but " + Snippet.quote(dOut.name()) + " produces "
							+ dOut.outputShape().withBatch());
		}
	}

	private void checkConditioning(Network discriminator, DataSpec data, BlockNode discriminatorBlock) {
		if (!data.conditional() || discriminatorBlock == null) {
			return;
		}
		boolean projection = discriminator.layers().stream().anyMatch(l -> l.type() == LayerType.PROJECTION);
		if (!projection) {
			problems.warning(discriminatorBlock.header(),
					"the data has classes but the discriminator has no projection layer, so it ignores the labels");
		}
	}
}
