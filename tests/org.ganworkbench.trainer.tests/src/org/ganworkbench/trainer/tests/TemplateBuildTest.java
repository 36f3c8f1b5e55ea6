package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.Layer;
import org.ganworkbench.model.Templates;
import org.ganworkbench.trainer.build.Discriminator;
import org.ganworkbench.trainer.build.GanBuilder;
import org.ganworkbench.trainer.build.Generator;
import org.ganworkbench.trainer.nn.Graph;
import org.ganworkbench.trainer.nn.Pass;
import org.ganworkbench.trainer.nn.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The built networks match the model bundle's inference: per-layer parameter counts and shapes. */
class TemplateBuildTest {

	@ParameterizedTest
	@CsvSource({ "dcgan,16,1", "dcgan,32,3", "sngan,16,1", "sngan,32,3", "r3gan,16,1", "r3gan,32,3" })
	void builtNetworksMatchTheModel(String template, int size, int channels) throws Exception {
		GanModel model = GanBuilder.parse(Templates.text(template, size, channels), template + ".gan");
		Generator g = GanBuilder.generator(model, 1, DataType.FLOAT);
		Discriminator d = GanBuilder.discriminator(model, 1, DataType.FLOAT);
		assertLayerCounts(model.generator().layers(), g.graph());
		assertLayerCounts(model.discriminator().layers(), d.graph());
		assertEquals(model.generator().totalParams(), g.params().stream().filter(org.ganworkbench.trainer.nn.Param::isCounted).mapToLong(p -> p.value().length()).sum());
		assertEquals(model.discriminator().totalParams(),
				d.params().stream().filter(org.ganworkbench.trainer.nn.Param::isCounted).mapToLong(p -> p.value().length()).sum());

		int n = 4;
		int[] labels = { 0, 1, 2, 3 };
		INDArray z = new Rng(3).gaussian(DataType.FLOAT, n, model.latent().size());
		INDArray images = g.forward(z, model.data().classes() > 0 ? labels : null, Pass.train());
		assertArrayEquals(new long[] { n, channels, size, size }, images.shape());
		INDArray out = d.forward(images, model.data().classes() > 0 ? labels : null, Pass.train());
		assertArrayEquals(new long[] { n, 1 }, out.shape());
	}

	private static void assertLayerCounts(java.util.List<Layer> layers, Graph graph) {
		for (int i = 0; i < layers.size(); i++) {
			Layer layer = layers.get(i);
			long built = graph.nodes().get(i).module().params().stream().filter(org.ganworkbench.trainer.nn.Param::isCounted)
					.mapToLong(p -> p.value().length()).sum();
			assertEquals(layer.paramCount(), built, layer + " " + Arrays.toString(layer.outputShape().dims()));
		}
	}
}
