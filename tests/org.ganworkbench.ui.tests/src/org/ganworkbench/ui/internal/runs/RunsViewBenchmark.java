package org.ganworkbench.ui.internal.runs;

import static org.ganworkbench.ui.tests.UiTestSupport.waitUntil;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.ganworkbench.core.projects.GanProjects;
import org.ganworkbench.core.runs.RunCatalog;
import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.run.MetricNames;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.ui.tests.UiThreadProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

/**
 * Not a test (its name keeps it out of the suite): opens the Runs view on 1,000 generated run
 * directories of realistic size (a 2,000-step run's log), cold (no summary cache) and warm (the
 * cache the cold opening saved), and prints the time until every row is shown and the longest the
 * UI thread was busy meanwhile. Run with releng/bench-runs-view.sh.
 */
class RunsViewBenchmark {

	private static final int RUNS = Integer.getInteger("ganworkbench.bench.runs", 1000);
	private static final int STEPS = 2000;

	@TempDir
	Path temp;

	@Test
	void openTheRunsViewOnAThousandRuns() throws Exception {
		Path folder = temp.resolve("sweep-runs");
		long bytes = 0;
		for (int i = 0; i < RUNS; i++) {
			bytes += writeRun(folder.resolve(String.format("trial-%04d", i)), i);
		}
		System.out.printf(Locale.ROOT, "bench-runs-view: %d runs, %.0f MB of event logs%n", RUNS, bytes / 1e6);
		RunCatalog.addFolder(folder);
		Path cache = Platform.getStateLocation(FrameworkUtil.getBundle(RunCatalog.class)).toPath()
				.resolve("run-summaries.json");
		try {
			for (String label : new String[] { "cold", "warm" }) {
				if (label.equals("cold")) {
					Files.deleteIfExists(cache);
				}
				long start = System.nanoTime();
				int count = RunCatalog.open(GanProjects::runFolders).summaries(null).size();
				System.out.printf(Locale.ROOT, "bench-runs-view: %s, headless: %d summaries in %.2f s%n", label, count,
						(System.nanoTime() - start) / 1e9);
			}
			Files.deleteIfExists(cache);
			open("cold");
			open("warm");
		} finally {
			RunCatalog.removeFolder(folder);
		}
	}

	private static void open(String label) throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		UiThreadProbe probe = new UiThreadProbe(Display.getCurrent());
		probe.start();
		long start = System.nanoTime();
		RunsView view = (RunsView) page.showView(RunsView.ID);
		waitUntil("every run is listed", Duration.ofMinutes(5), () -> view.shownRuns().size() >= RUNS,
				() -> view.shownRuns().size() + " rows");
		double seconds = (System.nanoTime() - start) / 1e9;
		probe.stop();
		System.out.printf(Locale.ROOT, "bench-runs-view: %s: %d rows in %.2f s; UI thread busy at most %d ms"
				+ " (late at most %d ms)%n", label, view.shownRuns().size(), seconds, probe.longestBusy().toMillis(),
				probe.longestDelay().toMillis());
		System.out.println("bench-runs-view: " + label + ": " + String.valueOf(probe).replace("\n\t", " | "));
		page.hideView(view);
	}

	/** A finished run as the trainer writes one for 2,000 steps of the DCGAN template; returns its log's size. */
	private static long writeRun(Path root, int index) throws IOException {
		Files.createDirectories(root);
		Files.writeString(root.resolve(RunDirectory.MODEL_SNAPSHOT), "gan dcgan {}\n");
		Map<String, Object> description = new LinkedHashMap<>();
		description.put("format", RunDirectory.FORMAT);
		description.put("model", "dcgan-28x28x1");
		description.put("seed", index);
		description.put("backend", "cpu");
		description.put("device", "amd64, 2 threads");
		description.put("host", "bench");
		description.put("created", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * index).toString());
		description.put("steps", STEPS);
		Files.writeString(root.resolve(RunDirectory.DESCRIPTION), Json.write(description) + "\n");
		Path log = root.resolve(RunDirectory.EVENTS);
		long time = 1_767_225_600_000L + 60_000L * index;
		try (BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
			line(out, Map.of("type", "status", "step", 0, "time", time, "state", "running", "steps", STEPS));
			for (int step = 10; step <= STEPS; step += 10) {
				time += 2_000;
				Map<String, Object> values = new LinkedHashMap<>();
				for (String name : List.of(MetricNames.LOSS_D, MetricNames.LOSS_G, MetricNames.D_REAL, MetricNames.D_FAKE,
						MetricNames.GRAD_NORM_D, MetricNames.GRAD_NORM_G, MetricNames.IMAGES_PER_SEC, "heap_mb", "native_mb")) {
					values.put(name, Math.round(1000 * Math.sin(step * 0.01 + name.length())) / 1000.0);
				}
				line(out, Map.of("type", "metrics", "step", step, "time", time, "values", values));
				if (step % 50 == 0) {
					List<Object> layers = new ArrayList<>();
					for (String layer : List.of("G/fc", "G/up1", "G/up2", "G/out", "D/in", "D/conv1", "D/conv2", "D/fc")) {
						layers.add(Map.of("network", layer.substring(0, 1), "layer", layer.substring(2), "shape",
								List.of(64, 576), "sigma", List.of(1.05, 1.01, 0.98), "spectral_norm", false));
					}
					line(out, Map.of("type", "sigma", "step", step, "time", time, "layers", layers));
				}
				if (step % 100 == 0) {
					for (double t : new double[] { 0, 1.0, 0.5 }) {
						line(out, Map.of("type", "sample", "step", step, "time", time, "truncation", t, "file",
								String.format(Locale.ROOT, "samples/step-%09d-t%.2f.png", step, t), "count", 16));
					}
				}
				if (step % 250 == 0) {
					line(out, Map.of("type", "quality", "step", step, "time", time, MetricNames.FD, 30.0 - step / 100.0,
							MetricNames.KID, 0.02, MetricNames.PRECISION, 0.6, MetricNames.RECALL, 0.5));
					line(out, Map.of("type", "checkpoint", "step", step, "time", time, "file",
							String.format(Locale.ROOT, "checkpoints/step-%09d.ckpt", step)));
				}
			}
			line(out, Map.of("type", "status", "step", STEPS, "time", time, "state", "finished"));
		}
		return Files.size(log);
	}

	private static void line(BufferedWriter out, Map<String, Object> event) throws IOException {
		out.write(Json.write(event));
		out.write('\n');
	}
}
