package org.ganworkbench.sweep.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.ganworkbench.model.ModelEdits;
import org.ganworkbench.model.ModelWriter;
import org.ganworkbench.model.Templates;
import org.ganworkbench.model.json.Json;
import org.ganworkbench.sweep.SweepDriver;

/** The DCGAN template shrunk to train 16 steps in seconds on synthetic shapes, with a sweep block. */
final class TinySweeps {

	static final int STEPS = 16;

	private TinySweeps() {
	}

	/** The model with {@code sweep} (the block's inside) appended to its gan block. */
	static String model(String sweep) {
		String text = Templates.text("dcgan", 28, 1);
		ModelEdits.Edit noLayer = ModelEdits.deleteLayer(text, "generator", "noise1"); // its class lives in a project's src/
		text = text.substring(0, noLayer.offset()) + noLayer.text() + text.substring(noLayer.offset() + noLayer.length());
		text = ModelWriter.set(text, "data.source", "synthetic");
		text = ModelWriter.set(text, "training.batch", "8");
		text = ModelWriter.set(text, "training.steps", Integer.toString(STEPS));
		text = ModelWriter.set(text, "training.intervals.metrics", "1");
		text = ModelWriter.set(text, "training.intervals.checkpoints", "4");
		text = ModelWriter.set(text, "training.intervals.samples", "1000");
		text = ModelWriter.set(text, "training.intervals.singular_values", "1000");
		text = ModelWriter.set(text, "training.intervals.quality", "0");
		int end = text.lastIndexOf('}');
		return text.substring(0, end) + "  sweep {\n" + sweep + "\n  }\n}\n";
	}

	static Path write(Path folder, String name, String text) throws IOException {
		Path file = folder.resolve(name);
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

	/** What a run of the driver printed and returned. */
	record Result(int exit, String out, String err) {
	}

	static Result run(SweepDriver.Options options) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit;
		try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
			exit = new SweepDriver(o, e).run(options);
		}
		return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	static Map<String, Object> sweepJson(Path directory) throws Exception {
		return Json.parseObject(Files.readString(directory.resolve("sweep.json")));
	}
}
