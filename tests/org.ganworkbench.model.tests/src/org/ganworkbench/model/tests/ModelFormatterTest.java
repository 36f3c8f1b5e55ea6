package org.ganworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ganworkbench.model.LayerTable;
import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.ModelFormatter;
import org.ganworkbench.model.Templates;
import org.junit.jupiter.api.Test;

/** Canonical layout: same model, comments kept, idempotent. */
class ModelFormatterTest {

	@Test
	void canonicalLayout() {
		String messy = """
				# header comment

				gan   "t"{latent{size=16}
				  data { image = [1,8,8] ; }   # the data
				generator { dense fc { units = 64 } reshape r { shape = [ 1, 8, 8 ] }
				   # the last layer
				   tanh out { }
				}
				discriminator { conv c { filters = 4; kernel = 3
				padding = 1 } dense out { units = 1 } } }
				""";
		String expected = """
				# header comment

				gan "t" {
					latent {
						size = 16
					}
					data {
						image = [1, 8, 8]
					} # the data
					generator {
						dense fc { units = 64 }
						reshape r { shape = [1, 8, 8] }
						# the last layer
						tanh out {}
					}
					discriminator {
						conv c { filters = 4; kernel = 3; padding = 1 }
						dense out { units = 1 }
					}
				}
				""";
		assertEquals(expected, ModelFormatter.format(messy));
	}

	@Test
	void formatKeepsTheModel() {
		String[] sources = { Sources.SMALL, ShapeInferenceTest.ZOO, Templates.text("sngan", 28, 1),
				Templates.text("dcgan", 32, 3), Templates.text("r3gan", 28, 1) };
		for (String source : sources) {
			String formatted = ModelFormatter.format(source);
			assertEquals(LayerTable.format(ModelDocument.parse(source).model()),
					LayerTable.format(ModelDocument.parse(formatted).model()));
			assertEquals(ModelDocument.parse(source).problems().size(), ModelDocument.parse(formatted).problems().size());
			assertEquals(formatted, ModelFormatter.format(formatted), "idempotent");
		}
	}

	@Test
	void longBlocksAndCommentedBlocksStayMultiLine() {
		String source = "gan t {\n\tgenerator {\n\t\tcustom k { class = \"a.very.long.package.name.with.Many.Parts\"; "
				+ "params = 12345; strength = 0.125; mode = fancy }\n\t\trelu r { # why\n\t\t}\n\t}\n}\n";
		String expected = "gan t {\n\tgenerator {\n\t\tcustom k {\n\t\t\tclass = \"a.very.long.package.name.with.Many.Parts\"\n"
				+ "\t\t\tparams = 12345\n\t\t\tstrength = 0.125\n\t\t\tmode = fancy\n\t\t}\n\t\trelu r { # why\n\t\t}\n\t}\n}\n";
		assertEquals(expected, ModelFormatter.format(source));
	}

	@Test
	void brokenSourceIsLeftAlone() {
		String broken = "gan t { data { image = [1, 8 }";
		assertEquals(broken, ModelFormatter.format(broken));
	}
}
