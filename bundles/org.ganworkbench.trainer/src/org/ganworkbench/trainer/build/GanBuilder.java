package org.ganworkbench.trainer.build;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.syntax.Problem;
import org.ganworkbench.trainer.nn.Embedding;
import org.ganworkbench.trainer.nn.Init;
import org.ganworkbench.trainer.nn.Rng;
import org.nd4j.linalg.api.buffer.DataType;

/** Parses a model file and builds its generator and discriminator with seeded initial weights. */
public final class GanBuilder {

	/** DCGAN's initial weight scale. */
	private static final double INIT_STD = 0.02;

	private GanBuilder() {
	}

	/** The model of a file, or a {@link ModelException} listing its errors with their lines. */
	public static GanModel parse(String text, String fileName) throws ModelException {
		ModelDocument document = ModelDocument.parse(text);
		if (document.hasErrors()) {
			StringBuilder message = new StringBuilder(fileName + " has errors:");
			for (Problem problem : document.problems()) {
				if (problem.severity() == org.ganworkbench.model.syntax.Severity.ERROR) {
					message.append("\n  ").append(fileName).append(':').append(problem.line()).append(": ")
							.append(problem.message());
				}
			}
			throw new ModelException(message.toString());
		}
		return document.model();
	}

	public static Generator generator(GanModel model, long seed, DataType type) throws ModelException {
		Init init = new Init(Rng.derived(seed, "G"), type, INIT_STD);
		Embedding shared = null;
		if (model.generator().sharedEmbeddingParams() > 0) {
			shared = new Embedding("G", "class_embedding", model.data().classes(), model.generator().classEmbedding(), false,
					init);
		}
		return new Generator(new NetworkFactory(model, init).build(model.generator()), shared, model.latent().chunks());
	}

	public static Discriminator discriminator(GanModel model, long seed, DataType type) throws ModelException {
		Init init = new Init(Rng.derived(seed, "D"), type, INIT_STD);
		return new Discriminator(new NetworkFactory(model, init).build(model.discriminator()));
	}
}
