package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.trainer.cli.ExitCode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The trainer keeps a D or G step's temporaries in a reused ND4J workspace: training with it must log
 * exactly what training without it logs, on every template, with augmentation, the R1/R2 penalties
 * of R3GAN and the relativistic loss (whose G step reads the last D step's real batch again).
 */
class StepWorkspaceTest {

	private static final String PROPERTY = "gan.trainer.stepWorkspace";
	/** StepWorkspace's id. */
	private static final String WORKSPACE = "gan-step-phase";

	@TempDir
	Path dir;

	@ParameterizedTest
	@ValueSource(strings = { "dcgan", "sngan", "r3gan", "dcgan-relativistic" })
	void sameMetricsWithAndWithoutTheWorkspace(String variant) throws Exception {
		String template = variant.replace("-relativistic", "");
		String text = TrainingFixtures.withAugment(TrainingFixtures.tiny(template, 1));
		if (variant.endsWith("-relativistic")) {
			text = TrainingFixtures.withLoss(text, "relativistic");
		}
		Path model = dir.resolve("model.gan");
		Files.writeString(model, text);
		Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
		List<Map<String, Double>> without = train(model, "without", "false");
		assertFalse(Nd4j.getWorkspaceManager().checkIfWorkspaceExists(WORKSPACE), "no workspace when it is off");
		List<Map<String, Double>> with = train(model, "with", null);
		// the trainer runs on this thread: the phases' workspace is this thread's
		assertTrue(Nd4j.getWorkspaceManager().checkIfWorkspaceExists(WORKSPACE), "the steps ran in the workspace");
		assertEquals(3, with.size());
		assertEquals(without, with);
	}

	private List<Map<String, Double>> train(Path model, String name, String property) throws Exception {
		if (property == null) {
			System.clearProperty(PROPERTY);
		} else {
			System.setProperty(PROPERTY, property);
		}
		try {
			Path run = dir.resolve(name);
			TrainingFixtures.Result result = TrainingFixtures.run("train", model.toString(), "--run-dir", run.toString(),
					"--steps", "3", "--seed", "7");
			assertEquals(ExitCode.OK, result.code(), result.err());
			return new RunDirectory(run).readEvents().stream().filter(e -> e.type().equals(RunEvent.METRICS))
					.map(StepWorkspaceTest::trainingValues).toList();
		} finally {
			System.clearProperty(PROPERTY);
		}
	}

	/** The step's losses, D outputs and gradient norms (not timings or memory). */
	private static Map<String, Double> trainingValues(RunEvent metrics) {
		Map<String, Object> values = metrics.object("values");
		return Map.of("loss_d", number(values, "loss_d"), "loss_g", number(values, "loss_g"), "d_real",
				number(values, "d_real"), "d_fake", number(values, "d_fake"), "grad_norm_d", number(values, "grad_norm_d"),
				"grad_norm_g", number(values, "grad_norm_g"));
	}

	private static double number(Map<String, Object> values, String key) {
		return Json.number(values.get(key), Double.NaN);
	}
}
