package org.ganworkbench.trainer.quality;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ganworkbench.model.run.MetricNames;
/** The metrics of one evaluation: the fields of a "quality" event (docs/run-format.md). */
public record QualityReport(int samples, int reference, double fd, double kid, double kidStandardError, double precision,
		double recall, double knnCoverage, Coverage coverage, double seconds) {

	public Map<String, Object> fields(TrainedFeatureNet net) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put(MetricNames.FD, fd);
		out.put(MetricNames.KID, kid);
		out.put("kid_se", kidStandardError);
		out.put(MetricNames.PRECISION, precision);
		out.put(MetricNames.RECALL, recall);
		out.put(MetricNames.KNN_COVERAGE, knnCoverage);
		out.put("samples", samples);
		out.put("reference", reference);
		if (coverage != null) {
			out.put(MetricNames.COVERAGE, coverage.fields());
		}
		Map<String, Object> features = new LinkedHashMap<>();
		features.put("kind", net.net().kind().name().toLowerCase(java.util.Locale.ROOT));
		features.put("fingerprint", net.fingerprint());
		features.put("dimension", FeatureNet.FEATURES);
		if (!Double.isNaN(net.testAccuracy())) {
			features.put("test_accuracy", net.testAccuracy());
		}
		if (!Double.isNaN(net.testError())) {
			features.put("test_error", net.testError());
		}
		out.put("features", features);
		out.put("seconds", seconds);
		return out;
	}
}
