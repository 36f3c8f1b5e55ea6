package org.ganworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.ganworkbench.model.LayerTable;
import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.syntax.Problem;
import org.ganworkbench.model.syntax.Severity;
import org.junit.jupiter.api.Test;

/** What issue #22 promises for files written carelessly or not written as models at all. */
class HostileFileTest {

	private static List<String> problems(byte[] file) {
		return ModelDocument.read(file).problems().stream().map(Problem::toString).toList();
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void consecutiveBadCharactersAreOneProblem() {
		String line = "@$%&".repeat(250_000);
		Sources.assertErrors(Sources.small("tanh out {}", "tanh out {} " + line),
				"7:17: error: unexpected characters '@$%&@$%&@$%&@$%&@$%&@$%&@$%&@$%&@$%&@$%&... (1,000,000 characters)'");
	}

	@Test
	void problemsStopAtTheCapWithOneSummary() {
		String source = Sources.small("tanh out {}", "tanh out {}\n" + "@ ".repeat(1_000));
		List<Problem> problems = ModelDocument.parse(source).problems();
		assertEquals(ModelDocument.MAX_PROBLEMS + 1, problems.size());
		assertEquals("8:1: error: unexpected character '@'", problems.get(0).toString());
		assertEquals("8:201: error: 900 more problems not shown", problems.get(ModelDocument.MAX_PROBLEMS).toString());
		assertTrue(ModelDocument.parse(source).hasErrors());
	}

	@Test
	void bytesThatAreNotUtf8AreLocated() {
		byte[] latin1 = Sources.small("gan \"t\"", "gan \"caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1);
		assertEquals(List.of("1:9: error: byte 0xE9 is not UTF-8; save the file as UTF-8"), problems(latin1));
		byte[] run = Sources.small("gan \"t\"", "gan \"\u00e9\u00e8\u00ea\u00eb\u00ef\"").getBytes(StandardCharsets.ISO_8859_1);
		assertEquals(List.of("1:6: error: bytes 0xE9 0xE8 0xEA 0xEB ... (5 bytes) are not UTF-8; save the file as UTF-8"),
				problems(run));
	}

	@Test
	void aByteOrderMarkIsAcceptedAndShiftsNoColumn() {
		String bad = Sources.small("gan \"t\" {", "gan \"t\" { @");
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] file = new byte[bom.length + utf8(bad).length];
		System.arraycopy(bom, 0, file, 0, bom.length);
		System.arraycopy(utf8(bad), 0, file, bom.length, utf8(bad).length);
		assertEquals(List.of("1:11: error: unexpected character '@'"), problems(file));
		Sources.assertErrors("\uFEFF" + bad, "1:11: error: unexpected character '@'");
		assertEquals(List.of(), problems(Sources.SMALL.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void binaryFilesAreOneLocatedProblem() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 };
		assertEquals(List.of("1:1: error: this file is a PNG image, not a model file: a .gan file is UTF-8 text"), problems(png));
		byte[] nul = utf8("gan t {\n  latent {\n    x\0y\n");
		assertEquals(List.of("3:6: error: this file looks binary (it holds a NUL byte), not like a model file: a .gan file is UTF-8 text"),
				problems(nul));
		assertEquals(List.of("1:1: error: this file is UTF-16 text: save it as UTF-8"),
				problems(Sources.SMALL.getBytes(StandardCharsets.UTF_16)));
	}

	@Test
	void controlCharactersAndLongNamesAreEscapedAndCut() {
		Sources.assertErrors(Sources.small("tanh out {}", "tanh out {} \u0001\u001b"),
				"7:17: error: unexpected characters '\\u0001\\u001B'");
		String key = "k".repeat(100_000);
		List<String> errors = Sources.errors(Sources.small("size = 16", key + " = 16"));
		assertEquals(1, errors.size());
		assertTrue(errors.get(0).startsWith("2:12: error: unknown key 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk... (100,000 characters)' in latent"),
				errors.get(0));
	}

	@Test
	void aValueStartsOnTheLineOfItsEquals() {
		for (String value : List.of("16", "\"s\"", "[1, 2]", "hinge", "true")) {
			Sources.assertErrors(Sources.small("size = 16", "size =\n" + value),
					"2:17: error: expected a value after '=' on its line (a value starts on the line of its '=')");
		}
		Sources.assertErrors(Sources.small("size = 16", "size =\n prior = normal"),
				"2:17: error: expected a value after '=' on its line (a value starts on the line of its '=')");
		Sources.assertClean(Sources.small("image = [1, 8, 8]", "image = [1,\n 8,\n 8]"));
	}

	@Test
	void anElementCountBeyondTheLimitIsAnErrorAtTheLayer() {
		String source = Sources.small("tanh out {}", "custom c { class = \"a.B\"; output = [2147483647, 2147483647, 4] }");
		Sources.assertErrors(source, "7:40: error: custom 'c' would produce [N, 2147483647, 2147483647, 4]: more than "
				+ "2,147,483,647 values per sample, the limit");
		Sources.assertErrors(Sources.small("shape = [1, 8, 8]", "shape = [4294967296, 4294967296, 64]"),
				"6:26: error: 'shape' must be in [1, 2147483647], got 4294967296");
	}

	@Test
	void parameterTotalsBeyond64BitsAreAnErrorAtTheLayer() {
		long half = Long.MAX_VALUE / 2;
		String source = Sources.small("tanh out {}", "tanh out {}\n    custom a { class = \"a.B\"; params = " + half
				+ " }\n    custom b { class = \"a.B\"; params = " + half + " }");
		ModelDocument doc = ModelDocument.parse(source);
		List<String> errors = doc.problems().stream().filter(p -> p.severity() == Severity.ERROR).map(Problem::toString).toList();
		// half of 2^63 - 1 is read as the double 2^62: two of them make 2^63
		assertTrue(errors.contains("9:5: error: the generator's parameter count passes 9,223,372,036,854,775,807 (the largest "
				+ "64-bit count) at custom 'b'"), errors.toString());
		assertEquals(Long.MAX_VALUE, doc.model().generator().totalParams());
		String table = LayerTable.format(doc.model());
		assertTrue(table.contains("overflow"), table);
		assertFalse(table.contains("-"), table);
	}
}
