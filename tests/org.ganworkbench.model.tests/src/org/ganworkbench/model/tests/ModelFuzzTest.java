package org.ganworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.ganworkbench.model.LayerTable;
import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.ModelFormatter;
import org.ganworkbench.model.ModelWriter;
import org.ganworkbench.model.Problem;
import org.ganworkbench.model.Templates;
import org.junit.jupiter.api.Test;

/**
 * Mutates the templates thousands of times (fixed seed) and checks that reading never throws, stays
 * fast, and reports every problem inside the file.
 */
class ModelFuzzTest {

	private static final long SEED = 20261101L;
	private static final int MUTANTS_PER_TEMPLATE = 700;
	private static final long MAX_NANOS_PER_INPUT = 100_000_000L;
	private static final String ALPHABET = "{}[]=;,#\"\\-+.e0123456789 \t\n\r abcxyz_\u00e9\u4e2d\uD83D\uDE00\u0000";

	@Test
	void mutatedTemplatesNeverBreakTheReader() {
		Random random = new Random(SEED);
		long start = System.nanoTime();
		int inputs = 0;
		for (String name : Templates.names()) {
			for (String text : List.of(Templates.text(name, 28, 1), Templates.text(name, 32, 3))) {
				for (int i = 0; i < MUTANTS_PER_TEMPLATE; i++) {
					String mutant = text;
					int rounds = 1 + random.nextInt(3);
					for (int r = 0; r < rounds; r++) {
						mutant = mutate(mutant, random);
					}
					check(mutant);
					inputs++;
				}
			}
		}
		assertTrue(inputs >= 4000);
		// The bound that matters is per input (check); the total is a figure, not a test.
		System.out.printf("fuzz: %d inputs in %d ms%n", inputs, (System.nanoTime() - start) / 1_000_000);
	}

	@Test
	void hostileInputs() {
		List<String> inputs = List.of("", " ", "\n\n\n", "{", "}", "[", "]", "=", "\"", "#", "gan", "gan {", "gan t {",
				"{".repeat(10_000), "}".repeat(10_000), "[".repeat(10_000), "gan t { x = " + "[".repeat(10_000),
				"gan t { " + "a { ".repeat(10_000), "gan t { " + "a { ".repeat(5_000) + "}".repeat(5_000) + " }",
				"gan t { latent { size = " + "9".repeat(5_000) + " } }", "gan t { latent { size = -0 } }",
				"gan t { latent { size = 1e308 } }", "gan t { latent { size = 2147483648 } }",
				"gan t { x = \"" + "a".repeat(100_000), "\uFEFFgan t {}", "gan t {}\r\n\r", "\u0000\u0001\u0002",
				Templates.text("sngan", 28, 1).replace("\n", ""), Templates.text("dcgan", 28, 1).replace("\n", "\r"));
		for (String input : inputs) {
			check(input);
		}
	}

	private static String mutate(String text, Random random) {
		if (text.isEmpty()) {
			return String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		int at = random.nextInt(text.length() + 1);
		switch (random.nextInt(9)) {
		case 0: { // delete a span (tokens, parts of tokens)
			int end = Math.min(text.length(), at + 1 + random.nextInt(12));
			return text.substring(0, Math.min(at, end)) + text.substring(end);
		}
		case 1: { // swap two lines
			List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
			Collections.swap(lines, random.nextInt(lines.size()), random.nextInt(lines.size()));
			return String.join("\n", lines);
		}
		case 2: { // random characters
			StringBuilder noise = new StringBuilder();
			for (int i = random.nextInt(6); i >= 0; i--) {
				noise.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			return text.substring(0, at) + noise + text.substring(at);
		}
		case 3: // huge or odd numbers in place of a number
			return text.replaceFirst("\\b\\d+\\b", List.of("99999999999999999999", "1e400", "-7", "0", "2147483647", "1.5", "0x10")
					.get(random.nextInt(7)));
		case 4: // deep nesting
			return text.substring(0, at) + "{".repeat(1 + random.nextInt(10_000)) + text.substring(at);
		case 5: // truncate
			return text.substring(0, at);
		case 6: { // duplicate a line
			List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
			int line = random.nextInt(lines.size());
			lines.add(line, lines.get(line));
			return String.join("\n", lines);
		}
		case 7: // random bytes decoded leniently
			byte[] bytes = new byte[1 + random.nextInt(8)];
			random.nextBytes(bytes);
			return text.substring(0, at) + new String(bytes, java.nio.charset.StandardCharsets.UTF_8) + text.substring(at);
		default: // replace a name with another known word
			String[] words = { "gan", "generator", "conv", "input", "inputs", "output", "z", "x", "true", "[", "}", "=" };
			return text.substring(0, at) + words[random.nextInt(words.length)] + " " + text.substring(at);
		}
	}

	private static void check(String input) {
		long nanos = timed(input);
		if (nanos > MAX_NANOS_PER_INPUT) {
			// A GC pause or a busy core can stretch one run; a slow input is slow every time.
			nanos = Math.min(nanos, Math.min(timed(input), timed(input)));
		}
		if (nanos > MAX_NANOS_PER_INPUT) {
			fail("took " + nanos / 1_000_000 + " ms: " + preview(input));
		}
	}

	private static long timed(String input) {
		long start = System.nanoTime();
		ModelDocument doc;
		try {
			doc = ModelDocument.parse(input);
			LayerTable.format(doc.model());
			String formatted = ModelFormatter.format(input);
			if (!doc.hasErrors()) {
				assertFalse(ModelDocument.parse(formatted).hasErrors(), formatted);
			}
			try {
				ModelWriter.set(input, "training.batch", "32");
			} catch (IllegalArgumentException expected) {
				// no gan block, or an unclosed block: the writer says so
			}
		} catch (RuntimeException | StackOverflowError e) {
			throw new AssertionError("exception for input: " + preview(input), e);
		}
		long nanos = System.nanoTime() - start;
		int lines = input.split("\n", -1).length;
		for (Problem p : doc.problems()) {
			assertFalse(p.message().startsWith("internal error"), p + " for " + preview(input));
			assertTrue(p.offset() >= 0 && p.offset() <= input.length(), p + " offset " + p.offset());
			assertTrue(p.length() >= 0 && p.offset() + p.length() <= input.length(), p + " length");
			assertTrue(p.line() >= 1 && p.line() <= lines, p + " line");
			assertTrue(p.column() >= 1, p + " column");
		}
		return nanos;
	}

	private static String preview(String input) {
		return input.length() > 300 ? input.substring(0, 300) + "..." : input;
	}
}
