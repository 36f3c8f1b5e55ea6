package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.trainer.cli.ExitCode;
import org.ganworkbench.trainer.run.CheckpointFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every template trains a few steps with every loss and writes a complete run directory. */
class TrainingTest {

	@TempDir
	Path dir;

	@ParameterizedTest
	@CsvSource({ "dcgan,non_saturating,1", "dcgan,hinge,1", "dcgan,least_squares,3", "dcgan,relativistic,1",
			"dcgan,wasserstein_gp,1", "sngan,non_saturating,3", "sngan,hinge,1", "sngan,least_squares,1",
			"sngan,relativistic,1", "sngan,wasserstein_gp,1", "r3gan,non_saturating,1", "r3gan,hinge,1",
			"r3gan,least_squares,1", "r3gan,relativistic,3", "r3gan,wasserstein_gp,1" })
	void trainsAFewSteps(String template, String loss, int channels) throws Exception {
		String text = TrainingFixtures.withLoss(TrainingFixtures.tiny(template, channels), loss);
		if (loss.equals("hinge")) {
			text = TrainingFixtures.withAugment(text);
		}
		Path model = dir.resolve(template + ".gan");
		Files.writeString(model, text);
		Path runDir = dir.resolve("run");
		TrainingFixtures.Result result = TrainingFixtures.run("train", model.toString(), "--run-dir", runDir.toString(),
				"--steps", "2");
		assertEquals(ExitCode.OK, result.code(), result.err());

		RunDirectory run = new RunDirectory(runDir);
		List<RunEvent> events = run.readEvents();
		List<RunEvent> metrics = events.stream().filter(e -> e.type().equals(RunEvent.METRICS)).toList();
		assertEquals(2, metrics.size());
		for (RunEvent m : metrics) {
			for (String key : List.of("loss_d", "loss_g", "d_real", "d_fake", "r_t")) {
				assertTrue(Double.isFinite(
						org.ganworkbench.model.json.Json.number(m.object("values").get(key), Double.NaN)), key + " in " + m);
			}
		}
		assertTrue(events.stream().anyMatch(e -> e.type().equals(RunEvent.SIGMA) && !e.list("layers").isEmpty()));
		List<RunEvent> samples = events.stream().filter(e -> e.type().equals(RunEvent.SAMPLE)).toList();
		assertFalse(samples.isEmpty());
		samples.forEach(s -> assertTrue(Files.isRegularFile(runDir.resolve(s.text("file")))));
		assertEquals(List.of(run.checkpoints().resolve("step-000000001.ckpt"), run.checkpoints().resolve("step-000000002.ckpt")),
				run.checkpointFiles());
		assertEquals(2, CheckpointFile.read(run.checkpointFiles().get(1)).step());
		assertEquals("finished", events.get(events.size() - 1).text("state"));
	}

	@Test
	void theModelsOwnTruncationAddsASampleGrid() throws Exception {
		String text = org.ganworkbench.model.ModelWriter.set(TrainingFixtures.tiny("dcgan", 1), "training.truncation", "0.7");
		Path model = dir.resolve("truncated.gan");
		Files.writeString(model, text);
		Path runDir = dir.resolve("truncated");
		TrainingFixtures.Result result = TrainingFixtures.run("train", model.toString(), "--run-dir", runDir.toString(),
				"--steps", "1");
		assertEquals(ExitCode.OK, result.code(), result.err());
		List<Double> truncations = new RunDirectory(runDir).readEvents().stream()
				.filter(e -> e.type().equals(RunEvent.SAMPLE) && e.step() == 1).map(e -> e.number("truncation")).toList();
		assertEquals(List.of(0.0, 1.0, 0.5, 0.7), truncations, "the three of every run, then the model's own");
	}
}
