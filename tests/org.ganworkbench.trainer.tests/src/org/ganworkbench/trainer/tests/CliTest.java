package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.model.run.RunState;
import org.ganworkbench.model.run.RunSummary;
import org.ganworkbench.model.run.UserLabels;
import org.ganworkbench.trainer.cli.ExitCode;
import org.ganworkbench.trainer.run.RunWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sample (interpolations and grids at any truncation), info, quality and compare on finished runs; usage errors. */
class CliTest {

	@TempDir
	Path dir;

	@Test
	void sampleInterpolatesAndInfoSummarises() throws Exception {
		Path model = dir.resolve("m.gan");
		Files.writeString(model, TrainingFixtures.tiny("sngan", 3));
		Path runDir = dir.resolve("run");
		assertEquals(ExitCode.OK, TrainingFixtures.run("train", model.toString(), "--run-dir", runDir.toString(), "--steps",
				"2").code());
		Path png = dir.resolve("walk.png");
		TrainingFixtures.Result sample = TrainingFixtures.run("sample",
				runDir.resolve("checkpoints/step-000000002.ckpt").toString(), "--truncation", "0.7", "--seeds", "1,2", "--out",
				png.toString());
		assertEquals(ExitCode.OK, sample.code(), sample.err());
		assertTrue(ImageIO.read(png.toFile()).getWidth() > 8 * 8);

		// Without seeds: the run's own grid, for any truncation; at a logged one, the logged grid exactly.
		Path logged = runDir.resolve("samples").resolve(RunWriter.sampleName(2, 0.5));
		assertTrue(Files.isRegularFile(logged), "the trainer logged the grid at truncation 0.5");
		Path rendered = dir.resolve("grid-0.50.png");
		TrainingFixtures.Result grid = TrainingFixtures.run("sample",
				runDir.resolve("checkpoints/step-000000002.ckpt").toString(), "--truncation", "0.5", "--out",
				rendered.toString());
		assertEquals(ExitCode.OK, grid.code(), grid.err());
		assertArrayEquals(pixels(logged), pixels(rendered), "rendered from the checkpoint, the grid the trainer logged");
		Path between = dir.resolve("grid-0.73.png");
		assertEquals(ExitCode.OK, TrainingFixtures.run("sample", runDir.resolve("checkpoints/step-000000002.ckpt").toString(),
				"--truncation", "0.73", "--out", between.toString()).code());
		assertEquals(ImageIO.read(logged.toFile()).getWidth(), ImageIO.read(between.toFile()).getWidth(), "a grid as logged");
		assertFalse(Arrays.equals(pixels(logged), pixels(between)), "another truncation, other latents");
		TrainingFixtures.Result info = TrainingFixtures.run("info", runDir.toString());
		assertEquals(ExitCode.OK, info.code());
		assertTrue(info.out().contains("finished at step 2") && info.out().contains("checkpoints: 2"), info.out());
	}

	@Test
	void qualityScoresTheCheckpointsWithoutAnEventAndRefusesAnotherModelsCheckpoint() throws Exception {
		Path model = dir.resolve("m.gan");
		Files.writeString(model, TrainingFixtures.tiny("sngan", 3));
		Path runDir = dir.resolve("run");
		assertEquals(ExitCode.OK, TrainingFixtures.run("train", model.toString(), "--run-dir", runDir.toString(), "--steps",
				"2").code());
		TrainingFixtures.Result quality = TrainingFixtures.run("quality", runDir.toString(), "--samples", "100");
		assertEquals(ExitCode.OK, quality.code(), quality.err());
		List<RunEvent> events = new RunDirectory(runDir).readEvents().stream()
				.filter(e -> e.type().equals(RunEvent.QUALITY)).toList();
		assertEquals(List.of(1L, 2L), events.stream().map(RunEvent::step).distinct().sorted().toList(),
				"every checkpoint has its quality event");
		assertTrue(events.stream().anyMatch(e -> "quality command".equals(e.text("source"))), quality.out());

		Path other = dir.resolve("other.gan");
		Files.writeString(other, TrainingFixtures.tiny("dcgan", 3));
		Path otherRun = dir.resolve("other-run");
		assertEquals(ExitCode.OK, TrainingFixtures.run("train", other.toString(), "--run-dir", otherRun.toString(),
				"--steps", "1").code());
		Path foreign = runDir.resolve("checkpoints/step-000000009.ckpt");
		Files.copy(otherRun.resolve("checkpoints/step-000000001.ckpt"), foreign);
		TrainingFixtures.Result refused = TrainingFixtures.run("quality", foreign.toString(), "--samples", "100");
		assertEquals(ExitCode.IO_OR_DATASET, refused.code(), refused.out());
		assertTrue(refused.err().contains("does not match the model"), refused.err());
	}

	@Test
	void cudaOnTheCpuBuildIsRefusedBeforeARunExistsAndRunJsonRecordsTheLoadedBackend() throws Exception {
		Path model = dir.resolve("m.gan");
		Files.writeString(model, TrainingFixtures.tiny("dcgan", 3));
		Path refusedRun = dir.resolve("cuda-run");
		TrainingFixtures.Result refused = TrainingFixtures.run("train", model.toString(), "--run-dir",
				refusedRun.toString(), "--steps", "1", "--backend", "cuda");
		assertEquals(ExitCode.BACKEND_UNAVAILABLE, refused.code(), refused.out());
		assertTrue(refused.err().contains("cuda was asked for, but ND4J loaded its cpu backend"), refused.err());
		assertEquals(1, refused.err().strip().lines().count(), "one line: " + refused.err());
		assertTrue(!Files.exists(refusedRun), "no run directory claims CUDA");

		Path runDir = dir.resolve("cpu-run");
		TrainingFixtures.Result trained = TrainingFixtures.run("train", model.toString(), "--run-dir", runDir.toString(),
				"--steps", "1");
		assertEquals(ExitCode.OK, trained.code(), trained.err());
		assertTrue(trained.out().contains("backend: cpu ("), trained.out());
		Map<String, Object> description = new RunDirectory(runDir).readDescription();
		assertEquals("cpu", description.get("backend"));
		assertTrue(String.valueOf(description.get("device")).contains("threads"), description.toString());
		assertEquals(ExitCode.BACKEND_UNAVAILABLE,
				TrainingFixtures.run("resume", runDir.toString(), "--steps", "2", "--backend", "cuda").code());
	}

	@Test
	void compareTabulatesEveryRunUnderTheFoldersAndADamagedOneAsUnreadable() throws Exception {
		Path model = dir.resolve("m.gan");
		Files.writeString(model, TrainingFixtures.tiny("dcgan", 3));
		Path sweep = dir.resolve("sweep");
		Path trained = sweep.resolve("lr-a");
		TrainingFixtures.Result train = TrainingFixtures.run("train", model.toString(), "--run-dir", trained.toString(),
				"--steps", "2");
		assertEquals(ExitCode.OK, train.code(), train.err());
		new UserLabels("baseline, wide", List.of("sweep-1"), null).write(trained);
		Path damaged = Files.createDirectories(sweep.resolve("nested/broken"));
		Files.write(damaged.resolve(RunDirectory.DESCRIPTION), new byte[] { '{', '"', (byte) 0xff, 0 });

		TrainingFixtures.Result text = TrainingFixtures.run("compare", sweep.toString());
		assertEquals(ExitCode.OK, text.code(), text.err());
		List<String> lines = text.out().lines().toList();
		assertEquals(3, lines.size(), text.out());
		assertTrue(lines.get(0).startsWith("RUN ") && lines.get(0).contains("BEST FD"), lines.get(0));
		assertTrue(lines.get(1).startsWith("baseline, wide") && lines.get(1).contains(" finished ")
				&& lines.get(1).contains(" 2/2 ") && lines.get(1).contains("sweep-1"), lines.get(1));
		assertTrue(lines.get(2).startsWith("broken") && lines.get(2).contains(" unreadable ")
				&& lines.get(2).endsWith("run.json: not UTF-8 text"), lines.get(2));
		assertEquals(lines.get(0).indexOf("STATE"), lines.get(1).indexOf("finished"), "aligned:\n" + text.out());

		TrainingFixtures.Result csv = TrainingFixtures.run("compare", sweep.toString(), "--format", "csv");
		assertEquals(ExitCode.OK, csv.code(), csv.err());
		lines = csv.out().lines().toList();
		assertEquals(String.join(",", RunSummary.JSON_KEYS), lines.get(0));
		assertTrue(lines.get(1).startsWith("\"baseline, wide\",") && lines.get(1).contains(",finished,2,2,"), lines.get(1));
		assertTrue(lines.get(2).startsWith("broken,,unreadable,"), lines.get(2));

		TrainingFixtures.Result json = TrainingFixtures.run("compare", sweep.toString(), dir.toString(), "--format",
				"json");
		assertEquals(ExitCode.OK, json.code(), json.err());
		List<?> rows = (List<?>) Json.parse(json.out());
		assertEquals(2, rows.size(), "overlapping folders list a run once: " + json.out());
		RunSummary run = RunSummary.fromJson(asObject(rows.get(0)));
		assertEquals(RunState.FINISHED, run.state());
		assertEquals(List.of("sweep-1"), run.tags());
		assertTrue(run.imagesPerSecond() > 0, "the reader finds the trainer's metric: " + json.out());
		assertEquals(RunState.UNREADABLE, RunSummary.fromJson(asObject(rows.get(1))).state());

		TrainingFixtures.Result missing = TrainingFixtures.run("compare", sweep.toString(), dir.resolve("nowhere").toString());
		assertEquals(ExitCode.IO_OR_DATASET, missing.code());
		assertTrue(missing.err().contains("nowhere: no such folder") && missing.out().isEmpty(), missing.err());
		assertEquals(ExitCode.USAGE, TrainingFixtures.run("compare", sweep.toString(), "--format", "xml").code());
		assertEquals(ExitCode.USAGE, TrainingFixtures.run("compare").code());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asObject(Object value) {
		return (Map<String, Object>) value;
	}

	private static int[] pixels(Path png) throws java.io.IOException {
		BufferedImage image = ImageIO.read(png.toFile());
		return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
	}

	@Test
	void usageErrors() {
		// no arguments at all
		assertEquals(ExitCode.USAGE, TrainingFixtures.run().code());
		assertEquals(ExitCode.USAGE, TrainingFixtures.run("train", "--bogus", "1").code());
		assertEquals(ExitCode.IO_OR_DATASET, TrainingFixtures.run("train", dir.resolve("missing.gan").toString()).code());
		assertEquals(ExitCode.IO_OR_DATASET, TrainingFixtures.run("info", dir.toString()).code());
	}
}
