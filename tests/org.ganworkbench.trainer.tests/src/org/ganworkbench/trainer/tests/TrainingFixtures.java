package org.ganworkbench.trainer.tests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.ganworkbench.model.Templates;
import org.ganworkbench.trainer.cli.Commands;

/** Small, fast variants of the templates and an in-process way to run the trainer's commands. */
final class TrainingFixtures {

	private TrainingFixtures() {
	}

	/** A template at 8x8 with a batch of 8 and every interval at 1 step. */
	static String tiny(String template, int channels) {
		return Templates.text(template, 8, channels).replaceAll("batch = \\d+", "batch = 8")
				.replaceAll("intervals \\{[^}]*\\}", "intervals { samples = 1; singular_values = 1; metrics = 1; checkpoints = 1 }");
	}

	static String withLoss(String text, String loss) {
		return text.replaceAll("loss = \\w+", "loss = " + loss);
	}

	/** Adds DiffAugment with adaptive probability to the training block. */
	static String withAugment(String text) {
		return text.replaceFirst("training \\{", "training {\n\t\taugment { policy = [color, translation, cutout]; target = 0.6 }");
	}

	/** The result of a command run in this JVM. */
	record Result(int code, String out, String err) {
	}

	static Result run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = new Commands(new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of(args));
		return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}
}
