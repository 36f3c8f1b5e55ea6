package org.ganworkbench.model.tests;

import static org.ganworkbench.model.tests.Sources.assertErrors;
import static org.ganworkbench.model.tests.Sources.small;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.syntax.Problem;
import org.junit.jupiter.api.Test;

/** Every kind of error, each with its exact position and message (positions refer to Sources.SMALL). */
class ModelValidationTest {

	@Test
	void unknownKey() {
		assertErrors(small("units = 64", "units = 64; unit = 3"), "5:28: error: unknown key 'unit' in dense layer "
				+ "(known keys: units, bias, activation, slope, input, inputs, spectral_norm)");
		assertErrors(small("size = 16", "size = 16; dim = 2"),
				"2:23: error: unknown key 'dim' in latent (known keys: size, prior, hierarchical, probability)");
	}

	@Test
	void wrongTypes() {
		assertErrors(small("units = 64", "units = \"64\""), "5:24: error: 'units' must be an integer, got the string \"64\"");
		assertErrors(small("units = 64", "units = 6.5"), "5:24: error: 'units' must be an integer, got the number 6.5");
		assertErrors(small("units = 64", "units = 64; bias = 1"), "5:35: error: 'bias' must be true or false, got the number 1");
		assertErrors(small("shape = [1, 8, 8]", "shape = 64"), "6:25: error: 'shape' must be a list of positive integers, "
				+ "got the number 64");
		assertErrors(small("size = 16", "size = 16; prior = gauss"), "2:31: error: 'prior' must be one of normal, uniform, "
				+ "bernoulli, bernoulli_pm1, censored_normal, normal_bernoulli, three_bernoulli, got the name 'gauss'");
		assertErrors(small("size = 16", "size = 16; prior = \"normal\""),
				"2:31: error: write normal without quotes for 'prior'");
	}

	@Test
	void outOfRange() {
		assertErrors(small("units = 64", "units = 0"), "5:24: error: 'units' must be in [1, 16777216], got 0");
		assertErrors(small("image = [1, 8, 8]", "image = [1, 8]"), "3:18: error: 'image' needs 3 values, got 2");
		assertErrors(small("}\n}\n", "}\n  training { g_optimizer { beta2 = 1 } }\n}\n"),
				"13:36: error: 'beta2' must be in [0, 1), got 1");
		assertErrors(small("}\n}\n", "}\n  training { g_optimizer { lr = 0 } }\n}\n"),
				"13:33: error: 'lr' must be in (0, 10], got 0");
		assertErrors(small("image = [1, 8, 8]", "image = [2, 8, 8]"),
				"3:18: error: images have 1 (grey) or 3 (RGB) channels, got 2");
	}

	@Test
	void duplicates() {
		assertErrors(small("units = 64", "units = 64; units = 32"), "5:28: error: 'units' is set twice in dense layer");
		assertErrors(small("tanh out {}", "tanh fc {}"),
				"7:10: error: layer name 'fc' is used twice in the generator (first on line 5)");
		assertErrors(small("  latent { size = 16 }", "  latent { size = 16 }\n  latent {}"), "3:3: error: 'latent' appears "
				+ "twice in the gan block");
	}

	@Test
	void danglingReference() {
		assertErrors(small("tanh out {}", "tanh out { input = nope }"),
				"7:24: error: unknown layer 'nope' in the inputs of tanh 'out' (the generator's input is 'z')");
		assertErrors(small("generator {", "generator {\n    output = nope"),
				"5:14: error: unknown layer 'nope' as the generator's output");
	}

	@Test
	void cycle() {
		assertErrors(small("shape = [1, 8, 8] }", "shape = [1, 8, 8]; input = out }"),
				"6:44: error: the layers form a cycle: out -> r -> out");
	}

	@Test
	void shapeMismatches() {
		assertErrors(small("tanh out {}", "conv out { filters = 1; kernel = 3; input = fc }"),
				"7:5: error: conv 'out' expects 4-D input but 'fc' produces [N, 64]");
		assertErrors(small("shape = [1, 8, 8]", "shape = [1, 8, 9]"),
				"6:25: error: reshape 'r' cannot turn [N, 64] into [N, 1, 8, 9]: 64 values per sample vs 72");
		assertErrors(small("kernel = 3", "kernel = 30"),
				"10:36: error: conv 'c' with kernel 30, stride 1 and padding 1 leaves no output from its 8x8 input");
		assertErrors(small("dense fc { units = 64 }", "conv fc { filters = 1; kernel = 1 }"),
				"5:5: error: conv 'fc' expects 4-D input but the input z is [N, 16]");
		assertErrors(small("conv c { filters = 4; kernel = 3; padding = 1 }", "conv c { filters = 4; kernel = 3; padding = 1 }\n"
				+ "    attention a {}"), "11:5: error: attention 'a' needs a channel count divisible by 8, got 4");
	}

	@Test
	void generatorOutputMustMatchTheImages() {
		assertErrors(small("image = [1, 8, 8]", "image = [3, 8, 8]"), "7:5: error: the generator's output [N, 1, 8, 8] "
				+ "(from 'out') does not match the dataset's image shape [N, 3, 8, 8]");
	}

	@Test
	void discriminatorOutputMustBeOneScalar() {
		assertErrors(small("dense out { units = 1 }", "dense out { units = 2 }"), "11:5: error: the discriminator must "
				+ "output one scalar per sample ([N, 1]) but 'out' produces [N, 2]");
	}

	@Test
	void conditionalLayersNeedClasses() {
		assertErrors(small("dense out { units = 1 }", "global_pool p {}\n    projection out {}"),
				"12:5: error: projection 'out' needs class labels: set 'classes' in the data block");
		assertErrors(small("tanh out {}", "cbn n {}\n    tanh out {}"),
				"7:5: error: cbn 'n' needs class labels: set 'classes' in the data block, or use batchnorm");
		assertErrors(small("dense out { units = 1 }", "projection out {}"),
				"11:5: error: projection 'out' expects 2-D input but 'c' produces [N, 4, 8, 8]: add a global_pool layer before it");
	}

	@Test
	void structuralErrors() {
		assertErrors(small("tanh out {}", "tanhh out {}"), "7:5: error: unknown layer type 'tanhh' (known types: dense, "
				+ "reshape, flatten, conv, deconv, upsample, downsample, batchnorm, cbn, layernorm, relu, leaky_relu, tanh, "
				+ "sigmoid, identity, gblock, dblock, attention, minibatch_stddev, global_pool, projection, add, concat, custom)");
		assertErrors(small("  latent { size = 16 }", "  latent { size = 16 }\n  optimiser {}"), "3:3: error: unknown block "
				+ "'optimiser' in the gan block (known blocks: latent, data, generator, discriminator, training, sweep)");
		assertErrors("gan t { data { image = [1, 1, 1] } generator { reshape { shape = [1, 1, 1]; input = z } } latent { size = 1 } }",
				"1:1: error: the gan block needs a 'discriminator { ... }' block");
		assertErrors(small("gan \"t\" {", "gan \"t\" {\n  x = 1"), "2:3: error: unknown key 'x' in the gan block (known keys: none)");
		assertErrors(small("tanh out {}", "tanh out { relu inner {} }"), "7:16: error: a layer cannot contain the block 'relu'");
		assertErrors(small("tanh out {}", "add out { inputs = [r] }"),
				"7:24: error: add 'out' needs 'inputs = [a, b]' with two or more layers");
	}

	@Test
	void syntaxErrors() {
		assertErrors(small("units = 64", "units = 64 %"), "5:27: error: unexpected character '%'");
		assertErrors(small("units = 64", "units ="), "5:22: error: expected a value after '='");
		assertErrors(small("units = 64", "units 64"), "5:5: error: dense 'fc' needs 'units = 64'", "5:16: error: expected '=' or '{' after 'units'");
		// an unclosed string swallows the rest of its line, so more errors follow; the first ones say why
		assertEquals(List.of("1:1: error: expected '=' or '{' after 'gan'", "1:1: error: the file has no 'gan { ... }' block",
				"1:5: error: string not closed: add '\"' before the end of the line"),
				Sources.errors(small("gan \"t\"", "gan \"t")).subList(0, 3));
		assertErrors(small("shape = [1, 8, 8]", "shape = [1, [8], 8]"), "6:29: error: lists cannot contain lists");
		assertErrors(small("units = 64", "units = 1e999"), "5:24: error: the number 1e999 is too large");
		assertErrors(Sources.SMALL.substring(0, Sources.SMALL.lastIndexOf('}')), "1:1: error: block 'gan' is not closed: add '}'");
		assertErrors(Sources.SMALL + "}", "14:1: error: '}' has no matching '{'");
	}

	@Test
	void datasetAndTrainingConsistency() {
		assertErrors(small("image = [1, 8, 8]", "source = fashion_mnist; image = [1, 8, 8]"),
				"3:19: error: fashion_mnist data needs 'path = \"...\"'",
				"3:42: error: Fashion-MNIST images are [1, 28, 28], not [1, 8, 8]");
		assertErrors(small("}\n}\n", "}\n  training { augment { policy = [color]; probability = 0.5; target = 0.6 } }\n}\n"),
				"13:61: error: give either a fixed 'probability' or an adaptive 'target', not both");
		assertErrors(small("size = 16", "size = 16; hierarchical = true"),
				"2:38: error: hierarchical latents need gblock layers in the generator");
	}

	@Test
	void warningsDoNotMakeTheModelInvalid() {
		ModelDocument doc = ModelDocument.parse(small("}\n}\n", "}\n  training { gp_weight = 10 }\n}\n"));
		assertEquals(List.of("13:14: warning: 'gp_weight' is only used by loss = wasserstein_gp"),
				doc.problems().stream().map(Problem::toString).toList());
		assertTrue(!doc.hasErrors());
		assertEquals(List.of("5:5: warning: dense 'fc' does not contribute to the generator's output",
				"6:5: warning: reshape 'r' does not contribute to the generator's output"),
				Sources.warnings(small("tanh out {}", "reshape out { shape = [1, 8, 8]; input = z }")).subList(0, 2));
	}

	@Test
	void problemRangesCoverTheOffendingText() {
		String source = small("units = 64", "units = \"64\"");
		Problem p = ModelDocument.parse(source).problems().get(0);
		assertEquals("\"64\"", source.substring(p.offset(), p.offset() + p.length()));
	}
}
