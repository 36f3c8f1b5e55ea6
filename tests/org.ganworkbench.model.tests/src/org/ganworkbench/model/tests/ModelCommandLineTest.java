package org.ganworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ganworkbench.model.Templates;
import org.ganworkbench.model.cli.ModelCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and output of the command line. */
class ModelCommandLineTest {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return new ModelCommandLine().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void validFilePrintsTheTableAndExitsZero() throws IOException {
		Path file = Files.writeString(dir.resolve("a.gan"), Templates.text("dcgan", 28, 1));
		assertEquals(0, run("validate", file.toString()));
		assertTrue(out().contains("  fc      dense      [6272]        407,680"), out());
		assertTrue(out().contains("total                            540,673"), out());
	}

	@Test
	void invalidFilePrintsProblemsAndExitsTwo() throws IOException {
		Path good = Files.writeString(dir.resolve("good.gan"), Sources.SMALL);
		Path bad = Files.writeString(dir.resolve("bad.gan"), Sources.small("units = 64", "units = 0"));
		assertEquals(2, run("validate", good.toString(), bad.toString()));
		assertTrue(out().contains(bad + ":5:24: error: 'units' must be in [1, 16777216], got 0\n"), out());
	}

	@Test
	void unreadableFileExitsOne() {
		assertEquals(1, run("validate", dir.resolve("missing.gan").toString()));
		assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing.gan: cannot read"));
	}

	@Test
	void usageErrorsExitTwo() {
		assertEquals(2, run());
		assertEquals(2, run("frobnicate"));
		assertEquals(2, run("validate"));
		assertEquals(2, run("template", "dcgan", "30", "1"));
	}

	@Test
	void templateAndFormatCommands() throws IOException {
		assertEquals(0, run("template", "r3gan", "32", "3"));
		assertEquals(Templates.text("r3gan", 32, 3), out());
		out.reset();
		Path file = Files.writeString(dir.resolve("t.gan"), "gan t {data{image=[1,8,8]}}");
		assertEquals(0, run("format", file.toString()));
		assertEquals("gan t {\n\tdata {\n\t\timage = [1, 8, 8]\n\t}\n}\n", out());
	}
}
