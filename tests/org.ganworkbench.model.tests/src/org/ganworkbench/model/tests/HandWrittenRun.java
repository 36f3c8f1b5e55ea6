package org.ganworkbench.model.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.run.MetricNames;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;

/**
 * A run directory written by hand as the trainer writes one (docs/run-format.md): run.json, model.gan,
 * then event lines one at a time, each a second after the previous one.
 */
final class HandWrittenRun {

	static final Instant CREATED = Instant.parse("2025-03-01T10:00:00Z");

	private final RunDirectory run;
	private long time;

	private HandWrittenRun(Path root, Instant created) {
		this.run = new RunDirectory(root);
		this.time = created.toEpochMilli();
	}

	/** A run of model "m" created at {@code created}, 100 steps planned; no event yet. */
	static HandWrittenRun create(Path root, Instant created) throws IOException {
		Files.createDirectories(root);
		Files.writeString(root.resolve(RunDirectory.MODEL_SNAPSHOT), "gan m {}\n");
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("format", RunDirectory.FORMAT);
		description.put("model", "m");
		description.put("modelFile", RunDirectory.MODEL_SNAPSHOT);
		description.put("seed", 7);
		description.put("backend", "cpu");
		description.put("device", "amd64, 2 threads");
		description.put("versions", Map.of("trainer", "0.1.0"));
		description.put("host", "lab-1");
		description.put("created", created.toString());
		description.put("steps", 100);
		description.put("dataset", Map.of("source", "synthetic", "image", List.of(1, 8, 8), "classes", 0));
		description.put("source", "demo:dcgan");
		Files.writeString(root.resolve(RunDirectory.DESCRIPTION), Json.write(description) + "\n");
		return new HandWrittenRun(root, created);
	}

	static HandWrittenRun create(Path root) throws IOException {
		return create(root, CREATED);
	}

	Path root() {
		return run.root();
	}

	/** The time the next event gets, in milliseconds since the epoch. */
	long time() {
		return time;
	}

	HandWrittenRun event(String type, long step, Map<String, ?> fields) throws IOException {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("type", type);
		event.put("step", step);
		event.put("time", time);
		event.putAll(fields);
		time += 1000;
		return append(Json.write(event) + "\n");
	}

	HandWrittenRun status(long step, String state) throws IOException {
		return event(RunEvent.STATUS, step, Map.of("state", state));
	}

	/** "running" (from step 0) or "resumed" (from {@code step}) towards {@code steps}. */
	HandWrittenRun start(String state, long step, long steps) throws IOException {
		return event(RunEvent.STATUS, step, Map.of("state", state, "steps", steps, "from", step, "seed", "7"));
	}

	HandWrittenRun metrics(long step, double imagesPerSecond) throws IOException {
		return event(RunEvent.METRICS, step, Map.of("values",
				Map.of(MetricNames.LOSS_D, 1.25f, MetricNames.LOSS_G, 0.75f, MetricNames.IMAGES_PER_SEC, (float) imagesPerSecond)));
	}

	HandWrittenRun quality(long step, double fd, double kid, double precision, double recall) throws IOException {
		return event(RunEvent.QUALITY, step, Map.of(MetricNames.FD, fd, MetricNames.KID, kid, MetricNames.PRECISION,
				precision, MetricNames.RECALL, recall, "samples", 500, "reference", 500));
	}

	/** Bytes as they are, no newline added: a torn line, garbage. */
	HandWrittenRun append(String text) throws IOException {
		Files.writeString(run.events(), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		return this;
	}
}
