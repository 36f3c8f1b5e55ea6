package org.ganworkbench.trainer.quality;

import java.util.LinkedHashMap;
import java.util.Map;

/** The metrics of one evaluation: the fields of a "quality" event (docs/run-format.md). */
public record QualityReport(int samples, int reference, double fd, double kid, double kidStandardError, double precision,
		double recall, double knnCoverage, Coverage coverage, double seconds) {

	public Map<String, Object> fields(TrainedFeatureNet net) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("fd", fd);
		out.put("kid", kid);
		out.put("kid_se", kidStandardError);
		out.put("precision", precision);
		out.put("recall", recall);
		out.put("knn_coverage", knnCoverage);
		out.put("samples", samples);
		out.put("reference", reference);
		if (coverage != null) {
			out.put("coverage", coverage.fields());
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
