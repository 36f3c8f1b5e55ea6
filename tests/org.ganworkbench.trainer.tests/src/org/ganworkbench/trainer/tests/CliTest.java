package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.trainer.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sample, info and quality on a finished run; usage errors. */
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
	void usageErrors() {
		// no arguments at all
		assertEquals(ExitCode.USAGE, TrainingFixtures.run().code());
		assertEquals(ExitCode.USAGE, TrainingFixtures.run("train", "--bogus", "1").code());
		assertEquals(ExitCode.IO_OR_DATASET, TrainingFixtures.run("train", dir.resolve("missing.gan").toString()).code());
		assertEquals(ExitCode.IO_OR_DATASET, TrainingFixtures.run("info", dir.toString()).code());
	}
}
