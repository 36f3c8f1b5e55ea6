package org.ganworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.ganworkbench.model.ModelEdits.BlockKind;
import org.ganworkbench.model.ModelEdits.Edit;
import org.ganworkbench.model.syntax.Problem;
import org.ganworkbench.model.syntax.Severity;
import org.junit.jupiter.api.Test;

/**
 * The diagram's edits are text edits: each result is the expected text exactly, every other character
 * stays, the model still builds with the layer where it should be, and edits undo each other byte for
 * byte.
 */
class ModelEditsTest {

	private static final String G = "generator";
	private static final String D = "discriminator";

	/** Spaces, comments above and after layers, a blank line, an unnamed layer, a layer over several lines, a one-line network. */
	private static final String ODD = """
			# odd but valid
			gan t {
			  latent { size = 16 }
			  data { image = [1, 8, 8] }
			  generator {
			    dense fc { units = 64 }   # the stem
			    # reshape to an image
			    # (two comment lines)
			    reshape r { shape = [1, 8, 8] }

			    relu {}
			    conv c {
			      filters = 1
			      kernel = 3; padding = 1
			    }
			    add sum { inputs = [c, r] }
			    tanh out {}
			  }
			  discriminator { output = out; conv c { filters = 8; kernel = 3; padding = 1 }; relu a {}; dense out { units = 1 } }
			}
			""";

	private static final String DCGAN = Templates.text("dcgan", 28, 1);
	private static final String SNGAN = Templates.text("sngan", 28, 1);

	@Test
	void insertsALayerOnItsOwnLineAsTheFormatterWritesIt() {
		Edit edit = ModelEdits.insertLayer(DCGAN, G, "up1", true, LayerType.LEAKY_RELU, null);
		String up1 = "\t\tdeconv up1 { filters = 64; kernel = 4; stride = 2; padding = 1 }\n";
		String expected = once(DCGAN, up1, up1 + "\t\tleaky_relu leaky_relu1 { slope = 0.2 }\n");
		assertEquals(expected, edit.applyTo(DCGAN));
		assertEquals(0, edit.length());
		assertEquals(expected, ModelFormatter.format(expected));
		assertEquals(List.of("fc", "r", "bn0", "a0", "up1", "leaky_relu1", "bn1", "a1", "noise1", "up2", "out"),
				names(clean(expected).model().generator()));
		assertEquals(DCGAN, ModelEdits.deleteLayer(expected, G, "leaky_relu1").applyTo(expected));
	}

	@Test
	void insertsBeforeAnAnchorAboveItsComment() {
		String noise = "\t\t# the example layer in src/";
		String inserted = apply(DCGAN, ModelEdits.insertLayer(DCGAN, G, "noise1", false, LayerType.BATCH_NORM, "bn2"));
		assertEquals(once(DCGAN, noise, "\t\tbatchnorm bn2 {}\n" + noise), inserted);
		assertEquals(List.of("fc", "r", "bn0", "a0", "up1", "bn1", "a1", "bn2", "noise1", "up2", "out"),
				names(clean(inserted).model().generator()));
		assertEquals(DCGAN, apply(inserted, ModelEdits.deleteLayer(inserted, G, "bn2")));
	}

	@Test
	void insertsAtTheEndsOfANetwork() {
		String last = apply(ODD, ModelEdits.insertLayer(ODD, G, null, true, LayerType.IDENTITY, null));
		assertEquals(once(ODD, "    tanh out {}\n", "    tanh out {}\n    identity identity1 {}\n"), last);
		assertEquals("identity1", clean(last).model().generator().outputLayer().name());
		String first = apply(ODD, ModelEdits.insertLayer(ODD, G, null, false, LayerType.IDENTITY, "id"));
		assertEquals(once(ODD, "    dense fc", "    identity id {}\n    dense fc"), first);
		assertEquals("id", clean(first).model().generator().layers().get(0).name());
		// a network on one line grows on its line
		String oneLine = apply(ODD, ModelEdits.insertLayer(ODD, D, null, false, LayerType.IDENTITY, "id"));
		assertEquals(once(ODD, "output = out; conv c", "output = out; identity id {}; conv c"), oneLine);
		String inline = apply(ODD, ModelEdits.insertLayer(ODD, D, "c", true, LayerType.LEAKY_RELU, null));
		assertEquals(once(ODD, "padding = 1 }; relu a {}", "padding = 1 }; leaky_relu leaky_relu1 { slope = 0.2 }; relu a {}"),
				inline);
		assertEquals(List.of("c", "leaky_relu1", "a", "out"), names(clean(inline).model().discriminator()));
		assertEquals(ODD, apply(inline, ModelEdits.deleteLayer(inline, D, "leaky_relu1")));
		assertEquals(ODD, apply(oneLine, ModelEdits.deleteLayer(oneLine, D, "id")));
		assertEquals(ODD, apply(first, ModelEdits.deleteLayer(first, G, "id")));
		assertEquals(ODD, apply(last, ModelEdits.deleteLayer(last, G, "identity1")));
	}

	@Test
	void insertsIntoANetworkWithoutLayers() {
		String empty = """
				gan t {
				  data { image = [1, 8, 8] }
				  generator {
				    spectral_norm = true # all of them
				  }
				  discriminator {
				  }
				}
				""";
		String g = apply(empty, ModelEdits.insertLayer(empty, G, null, true, LayerType.DENSE, "fc"));
		assertEquals(once(empty, "# all of them\n", "# all of them\n    dense fc { units = 128 }\n"), g);
		String d = apply(empty, ModelEdits.insertLayer(empty, D, null, false, LayerType.FLATTEN, null));
		assertEquals(once(empty, "discriminator {\n", "discriminator {\n    flatten flatten1 {}\n"), d);
		String braces = "gan t { generator {} discriminator { spectral_norm = true } }";
		assertEquals("gan t { generator { relu a {} } discriminator { spectral_norm = true } }",
				apply(braces, ModelEdits.insertLayer(braces, G, null, true, LayerType.RELU, "a")));
		assertEquals("gan t { generator {} discriminator { spectral_norm = true; relu a {} } }",
				apply(braces, ModelEdits.insertLayer(braces, D, null, true, LayerType.RELU, "a")));
	}

	@Test
	void deletesALayerWithItsLinesAndTheCommentsAboveIt() {
		String withoutR = apply(ODD, ModelEdits.deleteLayer(ODD, G, "r"));
		assertEquals(once(ODD, "    # reshape to an image\n    # (two comment lines)\n    reshape r { shape = [1, 8, 8] }\n", ""),
				withoutR);
		assertEquals(once(ODD, "    dense fc { units = 64 }   # the stem\n", ""), apply(ODD, ModelEdits.deleteLayer(ODD, G, "fc")));
		assertEquals(once(ODD, "    conv c {\n      filters = 1\n      kernel = 3; padding = 1\n    }\n", ""),
				apply(ODD, ModelEdits.deleteLayer(ODD, G, "c")));
		// the unnamed layer by the name the diagram shows
		assertEquals(once(ODD, "    relu {}\n", ""), apply(ODD, ModelEdits.deleteLayer(ODD, G, "relu3")));
		// on a shared line: the layer and one separator
		assertEquals(once(ODD, "; relu a {}", ""), apply(ODD, ModelEdits.deleteLayer(ODD, D, "a")));
		assertEquals(once(ODD, "conv c { filters = 8; kernel = 3; padding = 1 }; ", ""), apply(ODD, ModelEdits.deleteLayer(ODD, D, "c")));
		assertEquals(once(ODD, "; dense out { units = 1 }", ""), apply(ODD, ModelEdits.deleteLayer(ODD, D, "out")));
		// the comment written above a layer of the template goes with it
		String noise = "\t\t# the example layer in src/: adds noise scaled by a learned factor per channel\n"
				+ "\t\tcustom noise1 { class = \"gan.layers.ScaledNoise\"; params = 64; strength = 0.1 }\n";
		String withoutNoise = apply(DCGAN, ModelEdits.deleteLayer(DCGAN, G, "noise1"));
		assertEquals(once(DCGAN, noise, ""), withoutNoise);
		assertEquals(List.of(), errors(withoutNoise));
	}

	@Test
	void movesALayerWithItsCommentsAndBack() {
		String rUp = apply(ODD, ModelEdits.moveLayer(ODD, G, "r", -1));
		assertEquals(once(ODD, """
				    dense fc { units = 64 }   # the stem
				    # reshape to an image
				    # (two comment lines)
				    reshape r { shape = [1, 8, 8] }
				""", """
				    # reshape to an image
				    # (two comment lines)
				    reshape r { shape = [1, 8, 8] }
				    dense fc { units = 64 }   # the stem
				"""), rUp);
		assertEquals(ODD, apply(rUp, ModelEdits.moveLayer(rUp, G, "r", 1)));
		// the blank line between them stays between them; the unnamed relu is now the second layer
		String reluUp = apply(ODD, ModelEdits.moveLayer(ODD, G, "relu3", -1));
		assertEquals(once(ODD, """
				    # reshape to an image
				    # (two comment lines)
				    reshape r { shape = [1, 8, 8] }

				    relu {}
				""", """
				    relu {}

				    # reshape to an image
				    # (two comment lines)
				    reshape r { shape = [1, 8, 8] }
				"""), reluUp);
		assertEquals(List.of("fc", "relu2", "r", "c", "sum", "out"), names(ModelDocument.parse(reluUp).model().generator()));
		assertEquals(ODD, apply(reluUp, ModelEdits.moveLayer(reluUp, G, "relu2", 1)));
		String cUp = apply(ODD, ModelEdits.moveLayer(ODD, G, "c", -1));
		assertEquals(once(ODD, "    relu {}\n    conv c {\n      filters = 1\n      kernel = 3; padding = 1\n    }\n",
				"    conv c {\n      filters = 1\n      kernel = 3; padding = 1\n    }\n    relu {}\n"), cUp);
		assertEquals(ODD, apply(cUp, ModelEdits.moveLayer(cUp, G, "c", 1)));
		// on a shared line the layers' own text swaps
		String aUp = apply(ODD, ModelEdits.moveLayer(ODD, D, "a", -1));
		assertEquals(once(ODD, "conv c { filters = 8; kernel = 3; padding = 1 }; relu a {}",
				"relu a {}; conv c { filters = 8; kernel = 3; padding = 1 }"), aUp);
		assertEquals(ODD, apply(aUp, ModelEdits.moveLayer(aUp, D, "a", 1)));
		assertNull(ModelEdits.moveLayer(ODD, G, "fc", -1));
		assertNull(ModelEdits.moveLayer(ODD, G, "out", 1));
		assertThrows(IllegalArgumentException.class, () -> ModelEdits.moveLayer(ODD, G, "fc", 2));
	}

	@Test
	void moveUpThenDownRestoresEveryTemplate() {
		for (String name : Templates.names()) {
			String text = Templates.text(name, 32, 3);
			for (String network : List.of(G, D)) {
				for (String layer : names(network(ModelDocument.parse(text).model(), network))) {
					Edit up = ModelEdits.moveLayer(text, network, layer, -1);
					if (up != null) {
						String moved = apply(text, up);
						assertEquals(text, apply(moved, ModelEdits.moveLayer(moved, network, layer, 1)), name + " " + layer);
					}
				}
			}
		}
	}

	@Test
	void duplicatesALayerUnderAFreeName() {
		String d = apply(DCGAN, ModelEdits.duplicateLayer(DCGAN, D, "d1"));
		String d1 = "\t\tconv d1 { filters = 64; kernel = 4; stride = 2; padding = 1 }\n";
		assertEquals(once(DCGAN, d1, d1 + "\t\tconv d3 { filters = 64; kernel = 4; stride = 2; padding = 1 }\n"), d);
		assertEquals("d3", ModelDocument.parse(d).model().discriminator().layers().get(1).name());
		// the comment above noise1 describes the original and is not copied
		String noise = "\t\tcustom noise1 { class = \"gan.layers.ScaledNoise\"; params = 64; strength = 0.1 }\n";
		assertEquals(once(DCGAN, noise, noise + noise.replace("noise1", "noise2")),
				apply(DCGAN, ModelEdits.duplicateLayer(DCGAN, G, "noise1")));
		String c = apply(ODD, ModelEdits.duplicateLayer(ODD, G, "c"));
		String conv = "    conv c {\n      filters = 1\n      kernel = 3; padding = 1\n    }\n";
		assertEquals(once(ODD, conv, conv + conv.replace("conv c", "conv c2")), c);
		assertEquals(List.of(), errors(c)); // c2 only warns that nothing uses it yet
		assertEquals(List.of("fc", "r", "relu3", "c", "c2", "sum", "out"), names(ModelDocument.parse(c).model().generator()));
		// an unnamed layer's copy gets a name; it must not take the name the original gets when shifted
		assertEquals(once(ODD, "    relu {}\n", "    relu {}\n    relu relu5 {}\n"), apply(ODD, ModelEdits.duplicateLayer(ODD, G, "relu3")));
		assertEquals(once(ODD, "relu a {};", "relu a {}; relu a2 {};"), apply(ODD, ModelEdits.duplicateLayer(ODD, D, "a")));
	}

	@Test
	void uniqueNamesCountOn() {
		assertEquals("d3", ModelEdits.uniqueName(DCGAN, D, "d1"));
		assertEquals("a2", ModelEdits.uniqueName(DCGAN, G, "a0"));
		assertEquals("fc2", ModelEdits.uniqueName(DCGAN, G, "fc"));
		assertEquals("skip", ModelEdits.uniqueName(DCGAN, G, "skip"));
		assertEquals("z2", ModelEdits.uniqueName(DCGAN, G, "z"));
		assertEquals("x", ModelEdits.uniqueName(DCGAN, G, "x"));
		assertEquals("relu5", ModelEdits.uniqueName(ODD, G, "relu3"));
		assertThrows(IllegalArgumentException.class, () -> ModelEdits.uniqueName(DCGAN, G, "1a"));
	}

	@Test
	void renamesALayerAndItsReferencesInOneEdit() {
		Edit edit = ModelEdits.renameLayer(ODD, G, "r", "img");
		String renamed = apply(ODD, edit);
		assertEquals(ODD.replace("reshape r {", "reshape img {").replace("inputs = [c, r]", "inputs = [c, img]"), renamed);
		assertEquals(ODD.indexOf("reshape r") + "reshape ".length(), edit.offset());
		assertEquals(ODD.indexOf(", r]") + 3, edit.offset() + edit.length());
		assertEquals(List.of("c", "img"), clean(renamed).model().generator().layer("sum").inputs());
		assertEquals(ODD, apply(renamed, ModelEdits.renameLayer(renamed, G, "img", "r")));
		// the network's output is a reference too
		assertEquals(ODD.replace("output = out;", "output = score;").replace("dense out {", "dense score {"),
				apply(ODD, ModelEdits.renameLayer(ODD, D, "out", "score")));
		// an unnamed layer gets the name, references to its generated name follow
		String unnamed = ODD.replace("inputs = [c, r]", "inputs = [c, relu3]");
		assertEquals(unnamed.replace("relu {}", "relu act {}").replace("[c, relu3]", "[c, act]"),
				apply(unnamed, ModelEdits.renameLayer(unnamed, G, "relu3", "act")));
		assertNull(ModelEdits.renameLayer(ODD, G, "r", "r"));
	}

	@Test
	void rejectsNamesThatCannotNameALayer() {
		assertEquals("'2x' is not a layer name: use letters, digits and _, and do not start with a digit",
				assertThrows(IllegalArgumentException.class, () -> ModelEdits.renameLayer(ODD, G, "r", "2x")).getMessage());
		assertEquals("line 6: the generator already has a layer 'fc'",
				assertThrows(IllegalArgumentException.class, () -> ModelEdits.renameLayer(ODD, G, "r", "fc")).getMessage());
		assertEquals("line 11: the generator already has a layer 'relu3'",
				assertThrows(IllegalArgumentException.class, () -> ModelEdits.renameLayer(ODD, G, "r", "relu3")).getMessage());
		assertEquals("'z' is the generator's input and cannot name a layer",
				assertThrows(IllegalArgumentException.class, () -> ModelEdits.renameLayer(ODD, G, "r", "z")).getMessage());
		assertEquals("'true' is a boolean and cannot name a layer",
				assertThrows(IllegalArgumentException.class, () -> ModelEdits.renameLayer(ODD, G, "r", "true")).getMessage());
		assertThrows(IllegalArgumentException.class, () -> ModelEdits.renameLayer(ODD, G, "r", "a b"));
		assertThrows(IllegalArgumentException.class, () -> ModelEdits.insertLayer(ODD, G, "r", true, LayerType.RELU, "fc"));
		assertThrows(IllegalArgumentException.class, () -> ModelEdits.insertLayer(ODD, D, "c", true, LayerType.RELU, "x"));
	}

	@Test
	void reportsWhatIsMissingWithItsLine() {
		assertEquals("line 5: the generator has no layer 'nope' (its layers: fc, r, relu3, c, sum, out)",
				assertThrows(IllegalArgumentException.class, () -> ModelEdits.deleteLayer(ODD, G, "nope")).getMessage());
		assertEquals("line 1: the gan block has no 'discriminator { ... }' block", assertThrows(IllegalArgumentException.class,
				() -> ModelEdits.deleteLayer("gan t { generator { relu a {} } }", D, "a")).getMessage());
		assertEquals("the source has no 'gan { ... }' block",
				assertThrows(IllegalArgumentException.class, () -> ModelEdits.deleteLayer("", G, "a")).getMessage());
		assertEquals("the network is 'generator' or 'discriminator', not 'training'",
				assertThrows(IllegalArgumentException.class, () -> ModelEdits.deleteLayer(ODD, "training", "a")).getMessage());
		assertEquals("line 1: the generator block is not closed: add '}' before editing its layers", assertThrows(
				IllegalArgumentException.class, () -> ModelEdits.insertLayer("gan t { generator { relu a {}", G, null, true,
						LayerType.RELU, null)).getMessage());
		assertEquals("line 3: the generator has no layer 'a' (it has no layers)", assertThrows(IllegalArgumentException.class,
				() -> ModelEdits.moveLayer("gan t {\n\n  generator {}\n}\n", G, "a", 1)).getMessage());
	}

	@Test
	void errorsElsewhereDoNotMatter() {
		String broken = DCGAN.replace("\t\tbatch = 64\n", "\t\tbatch = \n\t\tsteps = $$\n");
		List<String> before = errors(broken);
		assertEquals(3, before.size(), before.toString()); // no value, bad characters, steps set twice
		String inserted = apply(broken, ModelEdits.insertLayer(broken, D, "a2", true, LayerType.DENSE, "hidden"));
		assertEquals(once(broken, "\t\tleaky_relu a2 { slope = 0.2 }\n", "\t\tleaky_relu a2 { slope = 0.2 }\n\t\tdense hidden { units = 128 }\n"),
				inserted);
		assertEquals(before.size(), errors(inserted).size());
		assertEquals(broken, apply(inserted, ModelEdits.deleteLayer(inserted, D, "hidden")));
		assertEquals(broken.replace("units = 1 }", "units = 2 }"),
				apply(broken, ModelEdits.setLayerKey(broken, D, "out", "units", "2")));
		// a copy of a broken layer is as broken, and allowed
		String typo = DCGAN.replace("bn1 {}", "bn1 { eps = $ }");
		String copied = apply(typo, ModelEdits.duplicateLayer(typo, G, "bn1"));
		assertEquals(once(typo, "\t\tbatchnorm bn1 { eps = $ }\n", "\t\tbatchnorm bn1 { eps = $ }\n\t\tbatchnorm bn2 { eps = $ }\n"), copied);
		// an edit that a half-written value next to it would swallow is refused, not made
		String split = DCGAN.replace("dense out { units = 1 }", "dense out { units =\n1 }");
		assertEquals("line 32: the syntax errors of the file (the first on line 31) are in the way of this edit: fix them first",
				assertThrows(IllegalArgumentException.class, () -> ModelEdits.setLayerKey(split, D, "out", "input", "a2")).getMessage());
	}

	@Test
	void layersOnTheLinesOfTheNetworksBraces() {
		String source = "gan t {\n  generator { dense fc { units = 4 }\n    relu a {}\n    tanh out {} }\n}\n";
		assertEquals("gan t {\n  generator {\n    relu a {}\n    tanh out {} }\n}\n", apply(source, ModelEdits.deleteLayer(source, G, "fc")));
		assertEquals("gan t {\n  generator { dense fc { units = 4 }\n    relu a {}\n    }\n}\n",
				apply(source, ModelEdits.deleteLayer(source, G, "out")));
		String up = apply(source, ModelEdits.moveLayer(source, G, "a", -1));
		assertEquals("gan t {\n  generator { relu a {}\n    dense fc { units = 4 }\n    tanh out {} }\n}\n", up);
		assertEquals(source, apply(up, ModelEdits.moveLayer(up, G, "a", 1)));
		assertEquals("gan t {\n  generator { dense fc { units = 4 }\n    relu a {}\n    relu b {}\n    tanh out {} }\n}\n",
				apply(source, ModelEdits.insertLayer(source, G, "a", true, LayerType.RELU, "b")));
		assertEquals("gan t {\n  generator { dense fc { units = 4 }\n    relu a {}\n    tanh out {}; relu b {} }\n}\n",
				apply(source, ModelEdits.insertLayer(source, G, null, true, LayerType.RELU, "b")));
	}

	@Test
	void setsAddsAndRemovesKeysWithTheLeastChange() {
		Edit filters = ModelEdits.setLayerKey(ODD, D, "c", "filters", "16");
		assertEquals(new Edit(ODD.indexOf("filters = 8") + "filters = ".length(), 1, "16"), filters);
		assertNull(ModelEdits.setLayerKey(ODD, D, "c", "filters", "8"));
		// one-line layers: "; key = value", "{ key = value }" into "{}", and back
		String bn = "\t\tbatchnorm bn0 {}\n";
		String eps = apply(DCGAN, ModelEdits.setLayerKey(DCGAN, G, "bn0", "eps", "0.001"));
		assertEquals(once(DCGAN, bn, "\t\tbatchnorm bn0 { eps = 0.001 }\n"), eps);
		String both = apply(eps, ModelEdits.setLayerKey(eps, G, "bn0", "momentum", "0.8"));
		assertEquals(once(DCGAN, bn, "\t\tbatchnorm bn0 { eps = 0.001; momentum = 0.8 }\n"), both);
		assertEquals(0.8, clean(both).model().generator().layer("bn0").doubleParam("momentum", 0));
		String momentum = apply(both, ModelEdits.setLayerKey(both, G, "bn0", "eps", null));
		assertEquals(once(DCGAN, bn, "\t\tbatchnorm bn0 { momentum = 0.8 }\n"), momentum);
		assertEquals(DCGAN, apply(momentum, ModelEdits.setLayerKey(momentum, G, "bn0", "momentum", null)));
		assertEquals(eps, apply(both, ModelEdits.setLayerKey(both, G, "bn0", "momentum", null)));
		assertNull(ModelEdits.setLayerKey(DCGAN, G, "bn0", "eps", null));
		// a layer over several lines: a new line after its last key; a key with its line goes with it
		String stride = apply(ODD, ModelEdits.setLayerKey(ODD, G, "c", "stride", "1"));
		assertEquals(once(ODD, "      kernel = 3; padding = 1\n", "      kernel = 3; padding = 1\n      stride = 1\n"), stride);
		assertEquals(ODD, apply(stride, ModelEdits.setLayerKey(stride, G, "c", "stride", null)));
		assertEquals(once(ODD, "      filters = 1\n", ""), apply(ODD, ModelEdits.setLayerKey(ODD, G, "c", "filters", null)));
		assertEquals(once(ODD, "      kernel = 3; padding = 1\n", "      kernel = 3\n"),
				apply(ODD, ModelEdits.setLayerKey(ODD, G, "c", "padding", null)));
		assertEquals(once(ODD, "      kernel = 3; padding = 1\n", "      padding = 1\n"),
				apply(ODD, ModelEdits.setLayerKey(ODD, G, "c", "kernel", null)));
		// lists, strings, the unnamed layer, custom layers' own keys
		assertEquals(ODD.replace("[c, r]", "[r, c]"), apply(ODD, ModelEdits.setLayerKey(ODD, G, "sum", "inputs", "[r, c]")));
		assertEquals(once(ODD, "relu {}", "relu { input = fc }"), apply(ODD, ModelEdits.setLayerKey(ODD, G, "relu3", "input", "fc")));
		assertEquals(once(DCGAN, "strength = 0.1 }", "strength = 0.1; seed = 3 }"),
				apply(DCGAN, ModelEdits.setLayerKey(DCGAN, G, "noise1", "seed", "3")));
		// a key written without a value gets one
		String missing = DCGAN.replace("dense out { units = 1 }", "dense out { units = }");
		assertEquals(DCGAN, apply(missing, ModelEdits.setLayerKey(missing, D, "out", "units", "1")));
	}

	@Test
	void rejectsKeysAndValuesThatDoNotFit() {
		assertEquals("line 11: a relu layer has no key 'slope' (its keys: input, inputs)", assertThrows(IllegalArgumentException.class,
				() -> ModelEdits.setLayerKey(ODD, G, "relu3", "slope", "0.1")).getMessage());
		for (String bad : List.of("1 }", "64 # note", "", "a = b", "[1, 2", "1; kernel = 2", "\"open", "1\n2")) {
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
					() -> ModelEdits.setLayerKey(ODD, D, "c", "filters", bad), bad);
			assertTrue(e.getMessage().contains("not one value") || e.getMessage().contains("one line"), e.getMessage());
		}
		assertThrows(IllegalArgumentException.class, () -> ModelEdits.setLayerKey(ODD, D, "c", "bad key", "1"));
	}

	@Test
	void insertsResidualAndAttentionBlocksWhereTheyBelong() {
		String up = apply(SNGAN, ModelEdits.insertBlock(SNGAN, G, "g2", true, BlockKind.RESIDUAL_UP));
		assertEquals(once(SNGAN, "\t\tgblock g2 { filters = 32 }\n", "\t\tgblock g2 { filters = 32 }\n\t\tgblock g3 { filters = 64; up = true }\n"),
				up);
		ModelDocument upDoc = ModelDocument.parse(up);
		Layer g3 = upDoc.model().generator().layer("g3");
		assertEquals(Shape.image(64, 56, 56), g3.outputShape());
		// one more upsampling doubles G's output: that is the only problem
		assertEquals(1, errors(up).size(), errors(up).toString());
		assertTrue(errors(up).get(0).contains("does not match the dataset's image shape"), errors(up).toString());

		String down = apply(SNGAN, ModelEdits.insertBlock(SNGAN, D, "d2", true, BlockKind.RESIDUAL_DOWN));
		assertEquals(once(SNGAN, "\t\tdblock d2 { filters = 128 }\n", "\t\tdblock d2 { filters = 128 }\n\t\tdblock d3 { filters = 64; down = true }\n"),
				down);
		assertEquals(Shape.image(64, 3, 3), clean(down).model().discriminator().layer("d3").outputShape());

		String attention = apply(SNGAN, ModelEdits.insertBlock(SNGAN, G, "g2", true, BlockKind.SELF_ATTENTION));
		assertEquals(once(SNGAN, "\t\tgblock g2 { filters = 32 }\n", "\t\tgblock g2 { filters = 32 }\n\t\tattention att2 {}\n"),
				attention);
		clean(attention);
		clean(apply(SNGAN, ModelEdits.insertBlock(SNGAN, D, "d1", true, BlockKind.SELF_ATTENTION)));

		assertThrows(IllegalArgumentException.class, () -> ModelEdits.insertBlock(SNGAN, D, "d1", true, BlockKind.RESIDUAL_UP));
		assertThrows(IllegalArgumentException.class, () -> ModelEdits.insertBlock(SNGAN, G, "g1", true, BlockKind.RESIDUAL_DOWN));
		assertThrows(IllegalArgumentException.class, () -> ModelEdits.insertBlock(SNGAN, G, "nope", true, BlockKind.SELF_ATTENTION));
	}

	@Test
	void shapeNeutralLayersInsertAndDeleteAnywhereInEveryTemplate() {
		for (String template : Templates.names()) {
			String text = Templates.text(template, 32, 3);
			GanModel model = ModelDocument.parse(text).model();
			for (String network : List.of(G, D)) {
				Map<String, Shape> shapes = shapes(network(model, network));
				for (String anchor : shapes.keySet()) {
					for (LayerType type : List.of(LayerType.RELU, LayerType.BATCH_NORM, LayerType.IDENTITY)) {
						String where = template + " " + network + " after " + anchor + ": " + type;
						String inserted = apply(text, ModelEdits.insertLayer(text, network, anchor, true, type, "neutral"));
						ModelDocument doc = ModelDocument.parse(inserted);
						assertEquals(List.of(), errors(inserted), where);
						Network built = network(doc.model(), network);
						List<String> expected = new ArrayList<>(shapes.keySet());
						expected.add(expected.indexOf(anchor) + 1, "neutral");
						assertEquals(expected, names(built), where);
						Map<String, Shape> after = shapes(built);
						after.remove("neutral");
						assertEquals(shapes, after, where);
						assertEquals(text, apply(inserted, ModelEdits.deleteLayer(inserted, network, "neutral")), where);
					}
				}
			}
		}
	}

	@Test
	void everyLayerTypesNewTextParsesAndBuilds() {
		for (LayerType type : LayerType.values()) {
			String text = DCGAN;
			String network = D;
			String anchor = "a1";
			boolean after = true;
			if (type == LayerType.DENSE || type == LayerType.RESHAPE || type == LayerType.FLATTEN || type == LayerType.GLOBAL_POOL) {
				anchor = "out"; // they make vectors (or take D's last feature map): right before D's output
				after = false;
			} else if (type == LayerType.CONDITIONAL_BATCH_NORM || type == LayerType.PROJECTION) {
				text = SNGAN; // they need classes
				anchor = "pool";
			}
			Edit edit = ModelEdits.insertLayer(text, network, anchor, after, type, null);
			String inserted = apply(text, edit);
			assertEquals(List.of(), ModelDocument.parse(inserted).problems(), type + ":\n" + edit.text());
			assertEquals(inserted, ModelFormatter.format(inserted), type.toString());
			String name = type.keyword() + "1";
			Layer layer = ModelDocument.parse(inserted).model().discriminator().layer(name);
			assertNotNull(layer, name);
			assertEquals(type, layer.type());
			assertNotNull(layer.outputShape(), name);
			for (String key : ModelEdits.newLayerKeys(type, "x").keySet()) {
				assertTrue(ModelEdits.editableKeys(type).stream().anyMatch(k -> k.key().equals(key)), type + " " + key);
			}
			assertEquals(text, apply(inserted, ModelEdits.deleteLayer(inserted, network, name)), type.toString());
		}
		// the ones that keep the shape also build in the generator
		for (LayerType type : List.of(LayerType.BATCH_NORM, LayerType.LAYER_NORM, LayerType.RELU, LayerType.LEAKY_RELU, LayerType.TANH,
				LayerType.SIGMOID, LayerType.IDENTITY, LayerType.SELF_ATTENTION, LayerType.ADD, LayerType.CUSTOM)) {
			String inserted = apply(DCGAN, ModelEdits.insertLayer(DCGAN, G, "a0", true, type, null));
			assertEquals(List.of(), ModelDocument.parse(inserted).problems(), type.toString());
		}
		String add = apply(DCGAN, ModelEdits.insertLayer(DCGAN, G, null, false, LayerType.ADD, null));
		assertTrue(add.contains("\t\tadd add1 { inputs = [z, z] }\n"), add);
	}

	@Test
	void editableKeysAreTheSchemasKeys() {
		for (LayerType type : LayerType.values()) {
			assertEquals(ModelSchema.keys(type), ModelEdits.editableKeys(type), type.toString());
			assertTrue(ModelSchema.keys(type).containsAll(ModelEdits.editableKeys(type)), type.toString());
			assertTrue(ModelEdits.editableKeys(type).containsAll(ModelSchema.keys(type)), type.toString());
		}
	}

	@Test
	void windowsLineEndsStayWindowsLineEnds() {
		String crlf = ODD.replace("\n", "\r\n");
		List<UnaryOperator<String>> edits = List.of( //
				s -> apply(s, ModelEdits.insertLayer(s, G, "r", true, LayerType.RELU, "act")),
				s -> apply(s, ModelEdits.insertLayer(s, G, "r", false, LayerType.RELU, "act")),
				s -> apply(s, ModelEdits.insertLayer(s, G, null, true, LayerType.RELU, "act")),
				s -> apply(s, ModelEdits.deleteLayer(s, G, "r")), s -> apply(s, ModelEdits.deleteLayer(s, G, "c")),
				s -> apply(s, ModelEdits.moveLayer(s, G, "r", -1)), s -> apply(s, ModelEdits.moveLayer(s, G, "c", 1)),
				s -> apply(s, ModelEdits.duplicateLayer(s, G, "c")), s -> apply(s, ModelEdits.renameLayer(s, G, "c", "conv")),
				s -> apply(s, ModelEdits.setLayerKey(s, G, "c", "stride", "1")),
				s -> apply(s, ModelEdits.setLayerKey(s, G, "c", "filters", null)),
				s -> apply(s, ModelEdits.insertBlock(s, G, "c", true, BlockKind.SELF_ATTENTION)));
		for (UnaryOperator<String> edit : edits) {
			String lf = edit.apply(ODD);
			assertEquals(lf.replace("\n", "\r\n"), edit.apply(crlf));
		}
		String inserted = apply(crlf, ModelEdits.insertLayer(crlf, G, "r", true, LayerType.RELU, "act"));
		assertEquals(crlf, apply(inserted, ModelEdits.deleteLayer(inserted, G, "act")));
		String tabs = "gan t {\r\n\tgenerator {\r\n\t\trelu a {}\r\n\t}\r\n}";
		assertEquals("gan t {\r\n\tgenerator {\r\n\t\trelu a {}\r\n\t\ttanh b {}\r\n\t}\r\n}",
				apply(tabs, ModelEdits.insertLayer(tabs, G, "a", true, LayerType.TANH, "b")));
	}

	@Test
	void editsApplyAsOneReplacement() {
		Edit edit = new Edit(2, 3, "xy");
		assertEquals("abxyf", edit.applyTo("abcdef"));
		assertThrows(IllegalArgumentException.class, () -> edit.applyTo("abcd"));
		assertThrows(IllegalArgumentException.class, () -> new Edit(-1, 0, ""));
	}

	// --- helpers

	private static String apply(String source, Edit edit) {
		assertNotNull(edit, "no edit");
		return edit.applyTo(source);
	}

	/** {@code source} with {@code from}, which must occur exactly once, replaced. */
	private static String once(String source, String from, String to) {
		int at = source.indexOf(from);
		if (at < 0 || source.indexOf(from, at + 1) >= 0) {
			throw new IllegalArgumentException((at < 0 ? "missing: " : "not unique: ") + from);
		}
		return source.substring(0, at) + to + source.substring(at + from.length());
	}

	private static ModelDocument clean(String source) {
		ModelDocument doc = ModelDocument.parse(source);
		assertEquals(List.of(), doc.problems(), source);
		return doc;
	}

	private static List<String> errors(String source) {
		return ModelDocument.parse(source).problems().stream().filter(p -> p.severity() == Severity.ERROR).map(Problem::toString)
				.toList();
	}

	private static List<String> names(Network network) {
		return network.layers().stream().map(Layer::name).toList();
	}

	private static Map<String, Shape> shapes(Network network) {
		Map<String, Shape> shapes = new LinkedHashMap<>();
		for (Layer layer : network.layers()) {
			shapes.put(layer.name(), layer.outputShape());
		}
		return shapes;
	}

	private static Network network(GanModel model, String keyword) {
		return keyword.equals(G) ? model.generator() : model.discriminator();
	}
}
