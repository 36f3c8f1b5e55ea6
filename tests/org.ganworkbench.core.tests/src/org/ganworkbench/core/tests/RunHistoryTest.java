package org.ganworkbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.core.runs.history.LayerSigma;
import org.ganworkbench.core.runs.history.RunHistory;
import org.ganworkbench.core.runs.history.RunSnapshot;
import org.ganworkbench.core.runs.history.RunWarning;
import org.ganworkbench.core.runs.series.Series;
import org.junit.jupiter.api.Test;

/** The views' digest of a run's events, without a workbench. */
class RunHistoryTest {

	private final RunHistory history = new RunHistory("run", Path.of("/runs/run"));
	private int line;

	@Test
	void eventsSeenBeforeAreSkipped() {
		List<RunEvent> first = List.of(metrics(10, 1.0), metrics(20, 2.0));
		history.add(first);
		List<RunEvent> overlapping = new ArrayList<>(first);
		overlapping.add(metrics(30, 3.0));
		history.add(overlapping);
		Series loss = history.snapshot().metric("loss_d");
		assertEquals(3, loss.size());
		assertEquals(3.0, loss.lastY());
	}

	@Test
	void sigmaZeroGrowingFiveFoldFlagsTheLayer() {
		for (int i = 0; i < 4; i++) {
			history.add(List.of(sigma(i * 100, 1.0, 1.0)));
		}
		history.add(List.of(sigma(400, 5.0, 1.1)));
		RunSnapshot snapshot = history.snapshot();
		LayerSigma d = snapshot.layers().stream().filter(l -> l.key().equals("D/conv")).findFirst().orElseThrow();
		LayerSigma g = snapshot.layers().get(0);
		assertEquals("G/fc", g.key(), "G's layers come first");
		assertTrue(d.exploding());
		assertEquals(5.0, d.growth(), 1e-9);
		assertFalse(g.exploding());
		assertEquals(3, d.sigma().size(), "sigma0, sigma1 and sigma2");
	}

	@Test
	void aTrainerWarningAboutALayerFlagsIt() {
		history.add(List.of(sigma(100, 1.0, 1.0), sigma(200, 1.0, 1.5),
				event(RunEvent.WARNING, 200, Map.of("kind", "sigma_growth", "message", "grew", "network", "G", "layer",
						"fc"))));
		RunSnapshot snapshot = history.snapshot();
		assertTrue(snapshot.layers().get(0).exploding());
		assertEquals("G/fc", snapshot.warnings().get(0).layer());
	}

	@Test
	void aNaNLossAndAFailedRunAreWarnings() {
		history.add(List.of(metrics(10, 1.0), metrics(20, Double.NaN), metrics(30, Double.NaN),
				event(RunEvent.STATUS, 30, Map.of("state", "failed", "message", "diverged"))));
		List<RunWarning> warnings = history.snapshot().warnings();
		assertEquals(2, warnings.size(), "one warning per metric that went bad, one for the failure");
		assertEquals(RunWarning.KIND_NOT_FINITE, warnings.get(0).kind());
		assertEquals(20, warnings.get(0).step());
		assertEquals(RunWarning.KIND_FAILED, warnings.get(1).kind());
	}

	@Test
	void samplesAreFoundByNearestStep() {
		for (long step : new long[] { 100, 200, 300 }) {
			for (double t : new double[] { 0, 0.5 }) {
				history.add(List.of(event(RunEvent.SAMPLE, step, Map.of("file", "samples/s" + step + t + ".png",
						"truncation", t))));
			}
		}
		RunSnapshot snapshot = history.snapshot();
		assertEquals(3, snapshot.sampleStepCount());
		assertEquals(0, snapshot.nearestSampleIndex(0));
		assertEquals(1, snapshot.nearestSampleIndex(240));
		assertEquals(2, snapshot.nearestSampleIndex(260));
		assertEquals(2, snapshot.nearestSampleIndex(9000));
		assertEquals(2, snapshot.samplesAt(200).size());
		assertEquals(Path.of("/runs/run/samples/s2000.5.png"), snapshot.samplesAt(200).get(1).file());
	}

	@Test
	void smoothingIsAnUnbiasedMovingAverage() {
		Series raw = new Series(new double[] { 1, 2, 3 }, new double[] { 10, 10, 10 });
		Series smooth = raw.smoothed(0.9);
		assertEquals(10, smooth.y()[0], 1e-9, "no pull towards zero at the start");
		assertEquals(10, smooth.y()[2], 1e-9);
		assertEquals(raw, raw.smoothed(0));
	}

	private RunEvent metrics(long step, double lossD) {
		return event(RunEvent.METRICS, step, Map.of("values", Map.of("loss_d", Double.isNaN(lossD) ? "NaN" : lossD)));
	}

	private RunEvent sigma(long step, double dSigma0, double gSigma0) {
		return event(RunEvent.SIGMA, step, Map.of("layers", List.of(
				Map.of("network", "G", "layer", "fc", "sigma", List.of(gSigma0, 0.5, 0.25)),
				Map.of("network", "D", "layer", "conv", "sigma", List.of(dSigma0, 0.5, 0.25)))));
	}

	private RunEvent event(String type, long step, Map<String, Object> fields) {
		return new RunEvent(type, step, fields, ++line);
	}
}
