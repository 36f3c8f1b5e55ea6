package org.ganworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.Layer;
import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.Network;
import org.ganworkbench.model.Shape;
import org.junit.jupiter.api.Test;

/** Shapes and DL4J parameter counts of every layer type. */
class ShapeInferenceTest {

	/** Every layer type in one valid class-conditional model. */
	static final String ZOO = """
			gan zoo {
			  latent { size = 16 }
			  data { image = [1, 16, 16]; classes = 2 }
			  generator {
			    class_embedding = 8
			    spectral_norm = true
			    dense fc { units = 256; spectral_norm = false }
			    reshape r { shape = [16, 4, 4] }
			    cbn n1 {}
			    relu {}
			    upsample up { factor = 2 }
			    conv c1 { filters = 16; kernel = 3; padding = same }
			    conv c2 { filters = 16; kernel = 3; padding = 1; input = up; bias = false }
			    add s { inputs = [c1, c2] }
			    concat cat { inputs = [s, up] }
			    gblock g { filters = 8; norm = batchnorm }
			    attention att {}
			    layernorm ln {}
			    leaky_relu lr { slope = 0.1 }
			    deconv d { filters = 1; kernel = 4; stride = 2; padding = 1 }
			    downsample p {}
			    sigmoid s2 {}
			    identity i {}
			    custom k { class = "a.B"; params = 5; gain = 2 }
			    tanh t {}
			  }
			  discriminator {
			    minibatch_stddev sd { group = 4 }
			    dblock b1 { filters = 8 }
			    dblock b2 { filters = 8; down = false }
			    batchnorm bn {}
			    global_pool gp { mode = avg }
			    projection out {}
			  }
			}
			""";

	@Test
	void everyLayerTypeHasItsShapeAndCount() {
		ModelDocument doc = ModelDocument.parse(ZOO);
		assertEquals(List.of(), doc.problems());
		GanModel model = doc.model();
		Network g = model.generator();
		expect(g, "fc", Shape.vector(256), 16 * 256 + 256);
		expect(g, "r", Shape.image(16, 4, 4), 0);
		// cbn: gamma and beta from an 8-d embedding, no bias (BigGAN), plus running mean and variance
		expect(g, "n1", Shape.image(16, 4, 4), 2 * 8 * 16 + 2 * 16);
		assertEquals(2 * 8 * 16, g.layer("n1").trainableParamCount());
		expect(g, "relu4", Shape.image(16, 4, 4), 0);
		expect(g, "up", Shape.image(16, 8, 8), 0);
		expect(g, "c1", Shape.image(16, 8, 8), 3 * 3 * 16 * 16 + 16);
		expect(g, "c2", Shape.image(16, 8, 8), 3 * 3 * 16 * 16);
		expect(g, "s", Shape.image(16, 8, 8), 0);
		expect(g, "cat", Shape.image(32, 8, 8), 0);
		long gblock = (9 * 32 * 8 + 8) + (9 * 8 * 8 + 8) + (32 * 8 + 8) + 4 * 32 + 4 * 8;
		expect(g, "g", Shape.image(8, 16, 16), gblock);
		// SAGAN: theta and phi 8 -> 1, g 8 -> 4, o 4 -> 8, no biases, gamma
		expect(g, "att", Shape.image(8, 16, 16), 8 * 1 * 2 + 8 * 4 + 4 * 8 + 1);
		expect(g, "ln", Shape.image(8, 16, 16), 2 * 8);
		expect(g, "lr", Shape.image(8, 16, 16), 0);
		expect(g, "d", Shape.image(1, 32, 32), 4 * 4 * 8 * 1 + 1);
		expect(g, "p", Shape.image(1, 16, 16), 0);
		expect(g, "s2", Shape.image(1, 16, 16), 0);
		expect(g, "i", Shape.image(1, 16, 16), 0);
		expect(g, "k", Shape.image(1, 16, 16), 5);
		expect(g, "t", Shape.image(1, 16, 16), 0);
		assertEquals(2 * 8, g.sharedEmbeddingParams());
		long total = 4352 + 288 + 2320 + 2304 + gblock + 81 + 16 + 129 + 5 + 16;
		assertEquals(total, g.totalParams());
		assertEquals(List.of("up"), g.layer("c2").inputs());
		assertEquals(List.of("s", "up"), g.layer("cat").inputs());
		assertEquals(false, g.layer("fc").spectralNorm());
		assertEquals(true, g.layer("c1").spectralNorm());

		Network d = model.discriminator();
		expect(d, "sd", Shape.image(2, 16, 16), 0);
		expect(d, "b1", Shape.image(8, 8, 8), (9 * 2 * 8 + 8) + (9 * 8 * 8 + 8) + (2 * 8 + 8));
		expect(d, "b2", Shape.image(8, 8, 8), 2 * (9 * 8 * 8 + 8));
		expect(d, "bn", Shape.image(8, 8, 8), 4 * 8);
		assertEquals(2 * 8, d.layer("bn").trainableParamCount());
		expect(d, "gp", Shape.vector(8), 0);
		// projection: linear 8 -> 1 plus a class embedding 2 x 8
		expect(d, "out", Shape.vector(1), 8 + 1 + 2 * 8);
		assertEquals(760 + 1168 + 32 + 25, d.totalParams());
		assertEquals(760 + 1168 + 16 + 25, d.trainableParams());
	}

	@Test
	void convolutionArithmetic() {
		assertEquals(Shape.image(4, 4, 4), convOutput("conv", "kernel = 3; stride = 2; padding = 1", 8));
		assertEquals(Shape.image(4, 6, 6), convOutput("conv", "kernel = 3", 8));
		assertEquals(Shape.image(4, 3, 3), convOutput("conv", "kernel = 3; stride = 2", 8));
		// same padding: ceil(H / s)
		assertEquals(Shape.image(4, 3, 3), convOutput("conv", "kernel = 5; stride = 3; padding = same", 8));
		// deconv: (H - 1) s - 2p + k
		assertEquals(Shape.image(4, 16, 16), convOutput("deconv", "kernel = 4; stride = 2; padding = 1", 8));
		assertEquals(Shape.image(4, 10, 10), convOutput("deconv", "kernel = 3", 8));
		assertEquals(Shape.image(4, 24, 24), convOutput("deconv", "kernel = 3; stride = 3; padding = same", 8));
	}

	@Test
	void flattenAndDenseOnFeatureMaps() {
		String source = Sources.small("conv c { filters = 4; kernel = 3; padding = 1 }", "flatten f {}");
		ModelDocument doc = ModelDocument.parse(source);
		assertEquals(List.of(), doc.problems());
		expect(doc.model().discriminator(), "f", Shape.vector(64), 0);
		expect(doc.model().discriminator(), "out", Shape.vector(1), 65);
		// a dense layer flattens a feature map itself, as DL4J's preprocessor does
		Network d = ModelDocument.parse(Sources.SMALL).model().discriminator();
		expect(d, "out", Shape.vector(1), 4 * 8 * 8 + 1);
	}

	@Test
	void customLayerMayDeclareItsOutput() {
		String source = Sources.small("dense out { units = 1 }",
				"custom m { class = \"x.Merge\"; inputs = [x, c]; output = [5, 8, 8] }\n    dense out { units = 1 }");
		ModelDocument doc = ModelDocument.parse(source);
		assertEquals(List.of(), doc.problems());
		expect(doc.model().discriminator(), "m", Shape.image(5, 8, 8), 0);
	}

	private static Shape convOutput(String type, String settings, int size) {
		String source = "gan t { data { image = [1, " + size + ", " + size + "] } generator { dense {units = 1} }"
				+ " discriminator { " + type + " c { filters = 4; " + settings + " } } }";
		return ModelDocument.parse(source).model().discriminator().layer("c").outputShape();
	}

	private static void expect(Network network, String name, Shape shape, long params) {
		Layer layer = network.layer(name);
		assertEquals(shape, layer.outputShape(), name);
		assertEquals(params, layer.paramCount(), name);
	}
}
