package org.ganworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.ModelWriter;
import org.ganworkbench.model.Templates;
import org.junit.jupiter.api.Test;

/** The writer changes exactly one value and keeps every other character. */
class ModelWriterTest {

	private static final String SOURCE = """
			gan t { # keep me
			\tlatent { size = 16 }
			\tdata {
			\t\timage = [1, 8, 8] # the shape
			\t}
			\tgenerator {
			\t\tdense fc { units = 64 }
			\t\treshape r { shape = [1, 8, 8] }
			\t\ttanh out {}
			\t}
			\tdiscriminator {
			\t\tconv c { filters = 4; kernel = 3; padding = 1 }
			\t\tdense out { units = 1 }
			\t}
			\ttraining {
			\t\tbatch = 32   # small

			\t\tema { decay = 0.999 }
			\t}
			}
			""";

	@Test
	void replacesExactlyTheValue() {
		String changed = ModelWriter.set(SOURCE, "training.batch", "16");
		assertEquals(SOURCE.replace("batch = 32", "batch = 16"), changed);
		assertEquals(16, ModelDocument.parse(changed).model().training().batchSize());
		assertEquals(SOURCE.replace("decay = 0.999", "decay = 0.9999"), ModelWriter.set(SOURCE, "training.ema.decay", "0.9999"));
		assertEquals(SOURCE.replace("units = 64", "units = 128"), ModelWriter.set(SOURCE, "generator.fc.units", "128"));
		assertEquals(SOURCE.replace("[1, 8, 8] #", "[3, 8, 8] #"), ModelWriter.set(SOURCE, "data.image", "[3, 8, 8]"));
	}

	@Test
	void insertsMissingKeysWithMatchingIndentation() {
		assertEquals(SOURCE.replace("batch = 32   # small\n", "batch = 32   # small\n\t\tsteps = 500\n"),
				ModelWriter.set(SOURCE, "training.steps", "500"));
		assertEquals(SOURCE.replace("image = [1, 8, 8] # the shape\n", "image = [1, 8, 8] # the shape\n\t\tclasses = 4\n"),
				ModelWriter.set(SOURCE, "data.classes", "4"));
		// a one-line block grows on its line
		assertEquals(SOURCE.replace("{ size = 16 }", "{ size = 16; prior = uniform }"),
				ModelWriter.set(SOURCE, "latent.prior", "uniform"));
		assertEquals(SOURCE.replace("tanh out {}", "tanh out { input = r }"), ModelWriter.set(SOURCE, "generator.out.input", "r"));
		assertEquals(SOURCE.replace("decay = 0.999 }", "decay = 0.999; start = 5 }"),
				ModelWriter.set(SOURCE, "training.ema.start", "5"));
		// network settings go before the layers
		assertEquals(SOURCE.replace("\tgenerator {\n", "\tgenerator {\n\t\tspectral_norm = true\n"),
				ModelWriter.set(SOURCE, "generator.spectral_norm", "true"));
	}

	@Test
	void createsMissingBlocks() {
		String changed = ModelWriter.set(SOURCE, "training.g_optimizer.lr", "0.001");
		assertEquals(SOURCE.replace("ema { decay = 0.999 }\n", "ema { decay = 0.999 }\n\t\tg_optimizer { lr = 0.001 }\n"), changed);
		assertEquals(0.001, ModelDocument.parse(changed).model().training().gOptimizer().learningRate());
		String withoutTraining = SOURCE.substring(0, SOURCE.indexOf("\ttraining")) + "}\n";
		String added = ModelWriter.set(withoutTraining, "training.augment.target", "0.6");
		assertEquals(withoutTraining.replace("\t}\n}\n", "\t}\n\ttraining { augment { target = 0.6 } }\n}\n"), added);
		assertEquals(List.of(), ModelDocument.parse(added).problems());
	}

	@Test
	void keepsWindowsLineEnds() {
		String crlf = SOURCE.replace("\n", "\r\n");
		assertEquals(crlf.replace("batch = 32   # small\r\n", "batch = 32   # small\r\n\t\tsteps = 500\r\n"),
				ModelWriter.set(crlf, "training.steps", "500"));
	}

	@Test
	void everyTemplateValueCanBeChanged() {
		String text = Templates.text("sngan", 28, 1);
		String changed = ModelWriter.set(text, "training.d_optimizer.lr", "0.0003");
		assertEquals(3e-4, ModelDocument.parse(changed).model().training().dOptimizer().learningRate());
		assertEquals(text.replace("lr = 0.0004", "lr = 0.0003"), changed);
	}

	@Test
	void getReadsAValueAsItsSourceText() {
		String text = Templates.text("dcgan", 28, 1);
		assertEquals("64", ModelWriter.get(text, "latent.size"));
		assertEquals("[1, 28, 28]", ModelWriter.get(text, "data.image"));
		assertEquals("0.5", ModelWriter.get(text, "training.g_optimizer.beta1"));
		assertEquals("64", ModelWriter.get(text, "discriminator.d1.filters"));
		assertNull(ModelWriter.get(text, "latent.hierarchical"), "a key not written");
		assertNull(ModelWriter.get(text, "nothing.here"), "a block that does not exist");
		assertNull(ModelWriter.get("gan t { latent { size = ", "latent.size"), "a malformed file");
		assertNull(ModelWriter.get("", "latent.size"));
	}

	@Test
	void rejectsWhatItCannotPlace() {
		assertThrows(IllegalArgumentException.class, () -> ModelWriter.set("", "training.batch", "1"));
		assertThrows(IllegalArgumentException.class, () -> ModelWriter.set(SOURCE, "training..batch", "1"));
		assertThrows(IllegalArgumentException.class, () -> ModelWriter.set("gan t { training { ", "training.batch", "1"));
	}
}
