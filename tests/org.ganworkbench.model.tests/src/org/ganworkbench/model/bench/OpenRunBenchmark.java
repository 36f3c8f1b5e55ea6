package org.ganworkbench.model.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.run.EventLogReader;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;

/**
 * How long the IDE takes to read the event log of a long run when it opens it: writes a run of
 * 1,000,000 events as the trainer would (metrics every step, singular values of 8 layers every 50
 * steps, three sample grids every 500), then reads it through {@link EventLogReader} batch by batch,
 * as the IDE's run monitor does: the monitor keeps no events, the views keep compact series (what they
 * keep is the metric values read here). Not a unit test: run it with releng/bench-open-run.sh.
 */
public final class OpenRunBenchmark {

	private static final int EVENTS = 1_000_000;
	private static final int ROUNDS = 3;
	private static final int SIGMA_EVERY = 50;
	private static final int SAMPLES_EVERY = 500;
	private static final String[] LAYERS = { "G/fc", "G/up1", "G/up2", "G/up3", "D/d1", "D/d2", "D/d3", "D/out" };

	private OpenRunBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int events = args.length > 0 ? Integer.parseInt(args[0]) : EVENTS;
		Path root = Files.createTempDirectory("open-run-bench");
		try {
			RunDirectory run = new RunDirectory(root);
			long bytes = write(run.events(), events);
			System.out.printf("wrote %d events, %.0f MB%n", events, bytes / 1e6);
			long[] millis = new long[ROUNDS];
			for (int round = 0; round < ROUNDS; round++) {
				long start = System.nanoTime();
				int read = open(run.events(), events);
				millis[round] = (System.nanoTime() - start) / 1_000_000;
				if (read != events) {
					throw new IllegalStateException("read " + read + " of " + events + " events");
				}
				System.out.printf("round %d: %d ms%n", round + 1, millis[round]);
			}
			long first = millis[0];
			Arrays.sort(millis);
			System.out.printf("open %d events: %d ms (median of %d; the first, in a cold JVM: %d ms)%n", events,
					millis[ROUNDS / 2], ROUNDS, first);
		} finally {
			try (Stream<Path> files = Files.walk(root)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	/**
	 * Reads the whole log as the views do on opening a run (RunSession.replay): batch by batch,
	 * keeping every metric value as the views' series do, and no events.
	 */
	private static int open(Path log, int expected) throws IOException {
		int[] events = { 0 };
		Map<String, double[]> series = new LinkedHashMap<>();
		new EventLogReader(log).readAll(batch -> {
			for (RunEvent event : batch) {
				if (RunEvent.METRICS.equals(event.type())) {
					int index = events[0];
					event.object("values").forEach((key, value) -> series
							.computeIfAbsent(key, k -> new double[expected])[index] = Json.number(value, Double.NaN));
				}
				events[0]++;
			}
		});
		return events[0];
	}

	private static long write(Path log, int count) throws IOException {
		Files.createDirectories(log.getParent());
		int written = 0;
		try (Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
			for (long step = 1; written < count; step++) {
				List<Map<String, Object>> events = new ArrayList<>();
				events.add(metrics(step));
				if (step % SIGMA_EVERY == 0) {
					events.add(sigma(step));
				}
				if (step % SAMPLES_EVERY == 0) {
					for (double truncation : new double[] { 0, 1.0, 0.5 }) {
						events.add(sample(step, truncation));
					}
				}
				for (Map<String, Object> event : events) {
					if (written++ < count) {
						out.write(Json.write(event));
						out.write('\n');
					}
				}
			}
		}
		return Files.size(log);
	}

	private static Map<String, Object> metrics(long step) {
		// floats, as the trainer writes them (RunWriter.metrics)
		Map<String, Object> values = new LinkedHashMap<>();
		float t = step / 1000f;
		values.put("loss_g", 1f + (float) Math.sin(t) * 0.3f);
		values.put("loss_d", 1.3f - (float) Math.cos(t) * 0.2f);
		values.put("d_real", 0.6f + 0.1f * (float) Math.sin(3 * t));
		values.put("d_fake", -0.4f + 0.1f * (float) Math.cos(2 * t));
		values.put("r_t", 0.3f);
		values.put("aug_p", 0f);
		values.put("grad_norm_g", 2.5f + t % 1);
		values.put("grad_norm_d", 3.5f - t % 1);
		values.put("images_per_sec", 420.123f + step % 17);
		values.put("heap_mb", 180.5f + step % 100 / 7f);
		values.put("native_mb", 1401.6328f + step % 10);
		return event("metrics", step, Map.of("values", values));
	}

	private static Map<String, Object> sigma(long step) {
		List<Object> layers = new ArrayList<>();
		for (String key : LAYERS) {
			String[] parts = key.split("/");
			float sigma0 = 1 + step / 1e5f;
			Map<String, Object> layer = new LinkedHashMap<>();
			layer.put("network", parts[0]);
			layer.put("layer", parts[1]);
			layer.put("shape", List.of(64, 128));
			layer.put("sigma", List.of(sigma0, sigma0 / 3, sigma0 / 7));
			layer.put("spectral_norm", false);
			layers.add(layer);
		}
		return event("sigma", step, Map.of("layers", layers));
	}

	private static Map<String, Object> sample(long step, double truncation) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("file", String.format(Locale.ROOT, "%s/step-%09d-t%.2f.png", RunDirectory.SAMPLES, step, truncation));
		fields.put("truncation", truncation);
		fields.put("count", 64);
		fields.put("width", 28);
		fields.put("height", 28);
		return event("sample", step, fields);
	}

	private static Map<String, Object> event(String type, long step, Map<String, ?> fields) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("type", type);
		event.put("step", step);
		event.put("time", 1_700_000_000_000L + step * 50);
		event.putAll(fields);
		return event;
	}
}
