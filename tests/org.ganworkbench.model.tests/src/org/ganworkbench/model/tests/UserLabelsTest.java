package org.ganworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.UserLabels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** labels.json: beside the trainer's files, written whole, never required. */
class UserLabelsTest {

	@TempDir
	Path dir;

	@Test
	void labelsRoundTripWithoutTouchingTheTrainersFiles() throws Exception {
		HandWrittenRun run = HandWrittenRun.create(dir.resolve("run"));
		run.start("running", 0, 100).status(100, "finished");
		Map<Path, byte[]> before = contents(run.root());
		Map<Path, FileTime> times = new LinkedHashMap<>();
		for (Path file : before.keySet()) {
			times.put(file, Files.getLastModifiedTime(file));
		}
		assertEquals(UserLabels.NONE, UserLabels.read(run.root()), "no labels.json: none");

		UserLabels labels = new UserLabels("DCGAN \"wide\"", List.of("sweep-3", "lr=2e-4"), "line one\nline two");
		labels.write(run.root());
		assertEquals(labels, UserLabels.read(run.root()));
		new UserLabels("renamed", List.of(), null).write(run.root());
		assertEquals(new UserLabels("renamed", List.of(), null), UserLabels.read(run.root()));

		try (Stream<Path> files = Files.list(run.root())) {
			assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(),
					"no temporary file left");
		}
		for (Map.Entry<Path, byte[]> file : before.entrySet()) {
			assertArrayEquals(file.getValue(), Files.readAllBytes(file.getKey()), file.getKey().toString());
			assertEquals(times.get(file.getKey()), Files.getLastModifiedTime(file.getKey()), file.getKey().toString());
		}

		UserLabels.NONE.write(run.root());
		assertFalse(Files.exists(new RunDirectory(run.root()).labels()), "no labels, no file");
	}

	@Test
	void aDamagedLabelsFileIsReportedAndUnknownFieldsAreIgnored() throws Exception {
		Path run = HandWrittenRun.create(dir.resolve("run")).root();
		Path file = new RunDirectory(run).labels();
		Files.writeString(file, "{\"name\":\"a\",\"tags\":[");
		IOException e = assertThrows(IOException.class, () -> UserLabels.read(run));
		assertTrue(e.getMessage().contains("labels.json"), e.getMessage());

		Files.writeString(file, "{\"name\":3,\"tags\":[\"x\",4,null],\"note\":\"n\",\"colour\":\"red\"}");
		assertEquals(new UserLabels(null, List.of("x"), "n"), UserLabels.read(run));
	}

	private static Map<Path, byte[]> contents(Path root) throws IOException {
		Map<Path, byte[]> contents = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(root)) {
			for (Path file : files.sorted().toList()) {
				contents.put(file, Files.readAllBytes(file));
			}
		}
		return contents;
	}
}
