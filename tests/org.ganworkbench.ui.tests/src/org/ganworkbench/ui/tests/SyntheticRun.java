package org.ganworkbench.ui.tests;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.PaletteData;
import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.run.RunDirectory;

/**
 * Writes a run directory as the trainer would (docs/run-format.md): run.json, then events appended
 * line by line, with real PNG sample grids at three truncations written before their events. The
 * layer D/conv1's sigma0 grows fivefold over the last readings; every other layer is calm.
 */
public final class SyntheticRun {

	public static final double[] TRUNCATIONS = { 0, 1.0, 0.5 };
	public static final List<String> LAYERS = List.of("G/fc", "G/deconv1", "D/conv1", "D/fc");
	public static final String EXPLODING = "D/conv1";
	public static final int IMAGE_SIZE = 12;
	private static final int BURST_LINES = 500;
	private static final int BURST_SIGMA_EVERY = 50;
	private static final int BURST_SAMPLES_EVERY = 2000;
	/** The beginning of a metrics event whose writer was interrupted. */
	private static final String TORN_START = "{\"type\":\"metrics\",\"step\":";

	private final RunDirectory run;
	private long tornStep = -1;

	private SyntheticRun(Path root) {
		this.run = new RunDirectory(root);
	}

	public static SyntheticRun create(Path root) throws IOException {
		SyntheticRun run = new SyntheticRun(root);
		Files.createDirectories(run.run.samples());
		Files.createDirectories(run.run.checkpoints());
		Files.writeString(run.run.modelSnapshot(), "gan \"synthetic\" {}\n", StandardCharsets.UTF_8);
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("format", 1);
		description.put("model", "synthetic");
		description.put("seed", 7);
		description.put("backend", "cpu");
		Files.writeString(run.run.description(), Json.write(description) + "\n", StandardCharsets.UTF_8);
		run.append(event("status", 0, Map.of("state", "running")));
		return run;
	}

	public Path root() {
		return run.root();
	}

	/** Metrics every 10 steps from {@code from} to {@code to}, then sigma and samples at {@code to}. */
	public void writeSteps(long from, long to, int sigmaReading) throws IOException {
		for (long step = from; step <= to; step += 10) {
			metrics(step, 1.4 - step / 2000.0);
		}
		sigma(to, sigmaReading);
		samples(to);
	}

	/** What {@link #writeBurst} wrote. */
	public record Burst(long lastStep, int metrics, int sigmaReadings, int sampleSteps) {
	}

	/**
	 * Appends {@code count} events as fast as they can be written, {@value #BURST_LINES} lines at a
	 * time: metrics at every step from {@code firstStep} on, sigma every {@value #BURST_SIGMA_EVERY}
	 * steps, samples every {@value #BURST_SAMPLES_EVERY}. Safe to call from any thread.
	 */
	public Burst writeBurst(long firstStep, int count) throws IOException {
		int written = 0;
		int metrics = 0;
		int sigma = 0;
		int samples = 0;
		long step = firstStep;
		try (Writer out = Files.newBufferedWriter(run.events(), StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
			int lines = 0;
			for (; written < count; step++) {
				List<Map<String, Object>> events = new ArrayList<>();
				events.add(metricsEvent(step, 1.4 - step / 200_000.0));
				if (step % BURST_SIGMA_EVERY == 0) {
					events.add(sigmaEvent(step, (int) (step / BURST_SIGMA_EVERY)));
					sigma++;
				}
				if (step % BURST_SAMPLES_EVERY == 0) {
					events.addAll(sampleEvents(step));
					samples++;
				}
				metrics++;
				for (Map<String, Object> event : events) {
					out.write(Json.write(event));
					out.write('\n');
					written++;
					if (++lines % BURST_LINES == 0) {
						out.flush();
					}
				}
			}
		}
		return new Burst(step - 1, metrics, sigma, samples);
	}

	/** Metrics of one step; a loss_d of NaN is what a diverged step writes. */
	public void metrics(long step, double lossD) throws IOException {
		append(metricsEvent(step, lossD));
	}

	private static Map<String, Object> metricsEvent(long step, double lossD) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("loss_g", 1.0 + step / 1000.0);
		values.put("loss_d", lossD);
		values.put("d_real", 0.6);
		values.put("d_fake", -0.4);
		values.put("r_t", 0.3);
		values.put("aug_p", 0.0);
		values.put("grad_norm_g", 2.5);
		values.put("grad_norm_d", 3.5);
		values.put("images_per_sec", 420.0);
		return event("metrics", step, Map.of("values", values));
	}

	/** sigma0 of D/conv1 is 1 for the first readings and 5 from reading 4 on. */
	public void sigma(long step, int reading) throws IOException {
		append(sigmaEvent(step, reading));
	}

	private static Map<String, Object> sigmaEvent(long step, int reading) {
		List<Object> layers = new ArrayList<>();
		for (String key : LAYERS) {
			String[] parts = key.split("/");
			double sigma0 = key.equals(EXPLODING) && reading >= 4 ? 5.0 : 1.0 + 0.01 * reading;
			Map<String, Object> layer = new LinkedHashMap<>();
			layer.put("network", parts[0]);
			layer.put("layer", parts[1]);
			layer.put("shape", List.of(8, 8));
			layer.put("sigma", List.of(sigma0, sigma0 / 2, sigma0 / 4));
			layer.put("spectral_norm", false);
			layers.add(layer);
		}
		return event("sigma", step, Map.of("layers", layers));
	}

	public void samples(long step) throws IOException {
		for (Map<String, Object> event : sampleEvents(step)) {
			append(event);
		}
	}

	/** Writes the PNG files of one step and returns their events. */
	private List<Map<String, Object>> sampleEvents(long step) {
		List<Map<String, Object>> events = new ArrayList<>();
		for (double truncation : TRUNCATIONS) {
			String name = String.format(Locale.ROOT, "step-%09d-t%.2f.png", step, truncation);
			Path file = run.samples().resolve(name);
			writePng(file, (int) (step / 10 % 255), (int) (truncation * 100));
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("file", RunDirectory.SAMPLES + "/" + name);
			fields.put("truncation", truncation);
			fields.put("count", 16);
			fields.put("width", IMAGE_SIZE);
			fields.put("height", IMAGE_SIZE);
			events.add(event("sample", step, fields));
		}
		return events;
	}

	public void warning(long step, String kind, String message) throws IOException {
		append(event("warning", step, Map.of("kind", kind, "message", message)));
	}

	public void checkpoint(long step) throws IOException {
		Path file = run.checkpoints().resolve(RunDirectory.checkpointName(step));
		Files.write(file, new byte[] { 1, 2, 3 });
		append(event("checkpoint", step, Map.of("file", RunDirectory.CHECKPOINTS + "/" + file.getFileName(),
				"bytes", 3)));
	}

	/** The first half of a metrics line, as a trainer killed in the middle of a write leaves it. */
	public void writeTornLine(long step) throws IOException {
		tornStep = step;
		Files.writeString(run.events(), TORN_START + step, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
	}

	/** The rest of the torn line, as a trainer that was only slow writes it. */
	public void completeTornLine() throws IOException {
		String rest = ",\"time\":0,\"values\":{\"loss_g\":1.0,\"loss_d\":1.0}}\n";
		Files.writeString(run.events(), rest, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		tornStep = -1;
	}

	private static Map<String, Object> event(String type, long step, Map<String, ?> fields) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("type", type);
		event.put("step", step);
		event.put("time", System.currentTimeMillis());
		event.putAll(fields);
		return event;
	}

	private void append(Map<String, Object> event) throws IOException {
		if (tornStep >= 0) {
			throw new IllegalStateException("complete the torn line first");
		}
		Files.writeString(run.events(), Json.write(event) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
	}

	/** A small RGB image whose colours tell steps and truncations apart. */
	private static void writePng(Path file, int red, int green) {
		ImageData data = new ImageData(IMAGE_SIZE, IMAGE_SIZE, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
		for (int y = 0; y < IMAGE_SIZE; y++) {
			for (int x = 0; x < IMAGE_SIZE; x++) {
				data.setPixel(x, y, red << 16 | green << 8 | (x * 20 & 0xFF));
			}
		}
		ImageLoader loader = new ImageLoader();
		loader.data = new ImageData[] { data };
		loader.save(file.toString(), SWT.IMAGE_PNG);
	}
}
