package org.ganworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.LayerType;
import org.ganworkbench.model.LossKind;
import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.ModelFormatter;
import org.ganworkbench.model.Shape;
import org.ganworkbench.model.Templates;
import org.junit.jupiter.api.Test;

/** The wizard's templates are valid, small and have the features their descriptions promise. */
class TemplatesTest {

	@Test
	void namesAndDescriptions() {
		assertEquals(List.of("dcgan", "sngan", "r3gan"), Templates.names());
		for (String name : Templates.names()) {
			assertFalse(Templates.describe(name).isBlank());
			assertFalse(Templates.describe(name).contains("\n"));
		}
		assertThrows(IllegalArgumentException.class, () -> Templates.describe("stylegan"));
		assertThrows(IllegalArgumentException.class, () -> Templates.text("dcgan", 30, 1));
		assertThrows(IllegalArgumentException.class, () -> Templates.text("dcgan", 28, 2));
	}

	@Test
	void parameterTotals() {
		expectTotals("dcgan", 28, 1, 540_673, 139_073);
		expectTotals("dcgan", 32, 3, 667_523, 143_041);
		expectTotals("sngan", 28, 1, 241_922, 268_097);
		expectTotals("sngan", 32, 3, 274_180, 269_377);
		expectTotals("r3gan", 28, 1, 500_225, 98_945);
		expectTotals("r3gan", 32, 3, 625_603, 101_441);
	}

	@Test
	void templatesAreInCanonicalLayout() {
		for (String name : Templates.names()) {
			String text = Templates.text(name, 32, 3);
			assertEquals(text, ModelFormatter.format(text), name);
		}
	}

	@Test
	void otherSizesWork() {
		for (String name : Templates.names()) {
			assertEquals(List.of(), ModelDocument.parse(Templates.text(name, 64, 3)).problems(), name);
		}
	}

	@Test
	void dcganHasOneCustomLayer() {
		GanModel model = parse("dcgan", 28, 1);
		assertEquals(1, model.generator().layers().stream().filter(l -> l.type() == LayerType.CUSTOM).count());
		assertEquals("gan.layers.ScaledNoise", model.generator().layer("noise1").stringParam("class", null));
		assertEquals(LossKind.NON_SATURATING, model.training().loss());
	}

	@Test
	void snganIsBigGanStyle() {
		GanModel model = parse("sngan", 32, 3);
		assertEquals(LossKind.HINGE, model.training().loss());
		assertTrue(model.data().conditional());
		assertTrue(model.latent().hierarchical());
		assertTrue(model.generator().spectralNorm());
		assertTrue(model.discriminator().spectralNorm());
		assertTrue(model.generator().orthogonalRegularization() > 0);
		assertTrue(model.training().ema().enabled());
		assertEquals(1, count(model, LayerType.SELF_ATTENTION));
		assertEquals(2, count(model, LayerType.G_BLOCK));
		assertEquals(2, count(model, LayerType.D_BLOCK));
		assertEquals(1, count(model, LayerType.PROJECTION));
		assertTrue(model.generator().sharedEmbeddingParams() > 0, "uses cbn with the shared embedding");
	}

	@Test
	void r3ganUsesRelativisticLossWithR1AndR2AndNoNormalisation() {
		GanModel model = parse("r3gan", 28, 1);
		assertEquals(LossKind.RELATIVISTIC, model.training().loss());
		assertTrue(model.training().r1Gamma() > 0);
		assertTrue(model.training().r2Gamma() > 0);
		assertEquals(0, count(model, LayerType.BATCH_NORM) + count(model, LayerType.CONDITIONAL_BATCH_NORM));
		assertFalse(model.generator().spectralNorm());
	}

	private static long count(GanModel model, LayerType type) {
		return model.generator().layers().stream().filter(l -> l.type() == type).count()
				+ model.discriminator().layers().stream().filter(l -> l.type() == type).count();
	}

	private static GanModel parse(String name, int size, int channels) {
		ModelDocument doc = ModelDocument.parse(Templates.text(name, size, channels));
		assertEquals(List.of(), doc.problems(), name);
		return doc.model();
	}

	private static void expectTotals(String name, int size, int channels, long g, long d) {
		GanModel model = parse(name, size, channels);
		assertEquals(Shape.image(channels, size, size), model.generator().outputShape(), name);
		assertEquals(Shape.vector(1), model.discriminator().outputShape(), name);
		assertEquals(g, model.generator().totalParams(), name + " G");
		assertEquals(d, model.discriminator().totalParams(), name + " D");
	}
}
