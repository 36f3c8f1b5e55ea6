package org.ganworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ganworkbench.model.AugmentKind;
import org.ganworkbench.model.DataSource;
import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.Layer;
import org.ganworkbench.model.LayerType;
import org.ganworkbench.model.LossKind;
import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.OptimizerKind;
import org.ganworkbench.model.PriorKind;
import org.ganworkbench.model.syntax.Problem;
import org.ganworkbench.model.syntax.Severity;
import org.ganworkbench.model.Shape;
import org.ganworkbench.model.TrainingSpec;
import org.junit.jupiter.api.Test;

/** Reading every construct of the format and the defaults applied to what is absent. */
class ModelDocumentTest {

	@Test
	void smallModelIsValidAndSequential() {
		ModelDocument doc = ModelDocument.parse(Sources.SMALL);
		assertEquals(List.of(), doc.problems());
		assertFalse(doc.hasErrors());
		GanModel model = doc.model();
		assertEquals("t", model.name());
		assertEquals(List.of("fc", "r", "out"), model.generator().layers().stream().map(Layer::name).toList());
		assertEquals(List.of("z"), model.generator().layers().get(0).inputs());
		assertEquals(List.of("fc"), model.generator().layers().get(1).inputs());
		assertEquals(Shape.vector(16), model.generator().inputShape());
		assertEquals(Shape.image(1, 8, 8), model.generator().outputShape());
		assertEquals(Shape.vector(1), model.discriminator().outputShape());
		assertEquals(5, model.generator().layers().get(0).line());
		assertEquals(5, model.generator().layers().get(0).column());
		assertEquals(Sources.SMALL, doc.source());
	}

	@Test
	void bigGanDefaultsWhenTrainingIsAbsent() {
		TrainingSpec t = ModelDocument.parse(Sources.SMALL).model().training();
		assertEquals(LossKind.HINGE, t.loss());
		assertEquals(5e-5, t.gOptimizer().learningRate());
		assertEquals(2e-4, t.dOptimizer().learningRate());
		assertEquals(0, t.gOptimizer().beta1());
		assertEquals(0.999, t.dOptimizer().beta2());
		assertEquals(1e-8, t.gOptimizer().epsilon());
		assertEquals(OptimizerKind.ADAM, t.gOptimizer().type());
		assertEquals(2, t.dSteps());
		assertEquals(0.9999, t.ema().decay());
		assertTrue(t.ema().enabled());
		assertEquals(64, t.batchSize());
		assertEquals(10_000, t.steps());
		assertEquals(0, t.truncation());
		assertFalse(t.augment().enabled());
		assertEquals(500, t.intervals().samples());
		GanModel model = ModelDocument.parse(Sources.SMALL).model();
		assertEquals(PriorKind.NORMAL, model.latent().prior());
		assertEquals(DataSource.SYNTHETIC, model.data().source());
		assertEquals(0, model.data().classes());
		assertFalse(model.generator().spectralNorm());
		assertEquals(0, model.generator().orthogonalRegularization());
	}

	@Test
	void readsEveryTrainingSetting() {
		String source = Sources.small("}\n}\n", """
				}
				  training {
				    loss = wasserstein_gp; gp_weight = 5
				    batch = 16; steps = 300; d_steps = 5; truncation = 0.5; r1 = 10; r2 = 1.5e-1; seed = 42
				    g_optimizer { type = rmsprop; lr = 1e-3; beta1 = 0.5; beta2 = 0.9; eps = 1e-6 }
				    d_optimizer { lr = 3e-4 }
				    ema { enabled = true; decay = 0.999; start = 7 }
				    augment { policy = [color, translation, cutout]; target = 0.6 }
				    intervals { samples = 1; singular_values = 2; metrics = 3; checkpoints = 4 }
				  }
				}
				""");
		ModelDocument doc = ModelDocument.parse(source);
		assertEquals(List.of(), doc.problems());
		TrainingSpec t = doc.model().training();
		assertEquals(LossKind.WASSERSTEIN_GP, t.loss());
		assertEquals(5, t.gpWeight());
		assertEquals(16, t.batchSize());
		assertEquals(300, t.steps());
		assertEquals(5, t.dSteps());
		assertEquals(0.5, t.truncation());
		assertEquals(10, t.r1Gamma());
		assertEquals(0.15, t.r2Gamma());
		assertEquals(42, t.seed());
		assertEquals(OptimizerKind.RMSPROP, t.gOptimizer().type());
		assertEquals(1e-3, t.gOptimizer().learningRate());
		assertEquals(0.5, t.gOptimizer().beta1());
		assertEquals(0.9, t.gOptimizer().beta2());
		assertEquals(1e-6, t.gOptimizer().epsilon());
		assertEquals(3e-4, t.dOptimizer().learningRate());
		assertEquals(0.999, t.ema().decay());
		assertEquals(7, t.ema().start());
		assertEquals(List.of(AugmentKind.COLOR, AugmentKind.TRANSLATION, AugmentKind.CUTOUT), t.augment().policy());
		assertTrue(t.augment().adaptive());
		assertEquals(0.6, t.augment().target());
		assertEquals(0, t.augment().probability());
		assertEquals(1, t.intervals().samples());
		assertEquals(2, t.intervals().singularValues());
		assertEquals(3, t.intervals().metrics());
		assertEquals(4, t.intervals().checkpoints());
	}

	@Test
	void readsEveryLossAndPrior() {
		for (LossKind loss : LossKind.values()) {
			String source = Sources.small("}\n}\n", "}\n  training { loss = " + loss.keyword() + " }\n}\n");
			assertEquals(loss, ModelDocument.parse(source).model().training().loss());
		}
		for (PriorKind prior : PriorKind.values()) {
			String source = Sources.small("size = 16", "size = 16; prior = " + prior.keyword() + "; probability = 0.25");
			ModelDocument doc = ModelDocument.parse(source);
			assertEquals(List.of(), doc.problems());
			assertEquals(prior, doc.model().latent().prior());
			assertEquals(0.25, doc.model().latent().probability());
		}
	}

	@Test
	void readsDataSources() {
		ModelDocument doc = ModelDocument.parse(Sources.small("image = [1, 8, 8]",
				"source = image_folder; path = \"data/faces \\\"x\\\"\"; image = [1, 8, 8]; classes = 3"));
		assertEquals(DataSource.IMAGE_FOLDER, doc.model().data().source());
		assertEquals("data/faces \"x\"", doc.model().data().path());
		assertEquals(3, doc.model().data().classes());
		assertTrue(doc.model().data().conditional());
		assertEquals(1, doc.model().data().channels());
		assertEquals(8, doc.model().data().height());
		doc = ModelDocument.parse(Sources.small("data { image = [1, 8, 8] }",
				"data { source = fashion_mnist; path = \"/usr/share/datasets/fashion-mnist\" }").replace("[1, 8, 8]", "[1, 28, 28]")
				.replace("units = 64", "units = 784"));
		assertEquals(List.of(), doc.problems());
		assertEquals(DataSource.FASHION_MNIST, doc.model().data().source());
		assertEquals(28, doc.model().data().width());
	}

	@Test
	void commentsSemicolonsAndLayoutAreFree() {
		String source = """
				# a comment before everything
				gan t { latent { size = 16 } ; data { image = [1, 8, 8] } # trailing
				generator { dense { units = 64 } reshape { shape = [1, 8, 8] }; tanh {} }
				discriminator {
				conv c { filters = 4
				  kernel = 3 ; padding = 1 ; }
				dense out { units = 1 } } }
				""";
		ModelDocument doc = ModelDocument.parse(source);
		assertEquals(List.of(), doc.problems());
		// unnamed layers are named after their type and position
		assertEquals(List.of("dense1", "reshape2", "tanh3"),
				doc.model().generator().layers().stream().map(Layer::name).toList());
	}

	@Test
	void layerParamsAreTyped() {
		Layer conv = ModelDocument.parse(Sources.SMALL).model().discriminator().layer("c");
		assertEquals(LayerType.CONV, conv.type());
		assertEquals(4, conv.intParam("filters", 0));
		assertEquals(7, conv.intParam("stride_missing", 7));
		assertEquals(1.0, conv.doubleParam("padding", 0));
		assertTrue(conv.boolParam("bias", true));
		assertEquals("x", conv.stringParam("class", "x"));
		assertFalse(conv.spectralNorm());
		assertEquals(Shape.image(1, 8, 8), conv.inputShape());
	}

	@Test
	void spectralNormIsPerNetworkWithPerLayerOverride() {
		String source = Sources.small("discriminator {", "discriminator {\n    spectral_norm = true; ortho_reg = 1e-4")
				.replace("dense out { units = 1 }", "dense out { units = 1; spectral_norm = false }");
		GanModel model = ModelDocument.parse(source).model();
		assertTrue(model.discriminator().spectralNorm());
		assertEquals(1e-4, model.discriminator().orthogonalRegularization());
		assertTrue(model.discriminator().layer("c").spectralNorm());
		assertFalse(model.discriminator().layer("out").spectralNorm());
	}

	@Test
	void customLayerKeepsItsOwnParameters() {
		String source = Sources.small("tanh out {}",
				"custom noise { class = \"gan.layers.ScaledNoise\"; params = 1; strength = 0.1; mode = fancy; sizes = [1, 2] }\n    tanh out {}");
		ModelDocument doc = ModelDocument.parse(source);
		assertEquals(List.of(), doc.problems());
		Layer custom = doc.model().generator().layer("noise");
		assertEquals("gan.layers.ScaledNoise", custom.stringParam("class", null));
		assertEquals(0.1, custom.doubleParam("strength", 0));
		assertEquals("fancy", custom.params().get("mode"));
		assertEquals(List.of(1.0, 2.0), custom.params().get("sizes"));
		assertEquals(1, custom.paramCount());
		assertEquals(Shape.image(1, 8, 8), custom.outputShape());
	}

	@Test
	void hierarchicalLatentsSplitZAcrossBlocks() {
		String source = """
				gan h {
				  latent { size = 24; hierarchical = true }
				  data { image = [1, 16, 16] }
				  generator {
				    dense fc { units = 64 }
				    reshape r { shape = [16, 2, 2] }
				    gblock g1 { filters = 8 }
				    gblock g2 { filters = 4 }
				    conv out { filters = 1; kernel = 3; padding = same }
				    upsample u {}
				  }
				  discriminator { global_pool p {} ; dense out { units = 1 } }
				}
				""";
		ModelDocument doc = ModelDocument.parse(source);
		assertEquals(List.of(), doc.problems());
		assertEquals(3, doc.model().latent().chunks());
		assertEquals(8, doc.model().latent().chunkSize());
		assertEquals(Shape.vector(8), doc.model().generator().inputShape());
		// without classes the gblocks' cbn condition on their z chunk alone (8 values)
		Layer g1 = doc.model().generator().layer("g1");
		long convs = 9 * 16 * 8 + 8 + 9 * 8 * 8 + 8 + 16 * 8 + 8;
		long norms = (2 * 8 * 16 + 2 * 16) + (2 * 8 * 8 + 2 * 8);
		assertEquals(convs + norms, g1.paramCount());
		assertEquals(0, doc.model().generator().sharedEmbeddingParams());
	}

	@Test
	void problemsPrintLikeCompilers() {
		Problem p = new Problem(Severity.WARNING, 3, 7, 20, 2, "careful");
		assertEquals("3:7: warning: careful", p.toString());
	}

	@Test
	void nullAndEmptySourceAreProblemsNotExceptions() {
		assertEquals(List.of("1:1: error: the file has no 'gan { ... }' block"), Sources.errors(""));
		assertTrue(ModelDocument.parse(null).hasErrors());
		assertNull(ModelDocument.parse("").model().generator().outputShape());
	}
}
