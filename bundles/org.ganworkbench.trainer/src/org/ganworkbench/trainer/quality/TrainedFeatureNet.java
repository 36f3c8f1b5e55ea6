package org.ganworkbench.trainer.quality;

import java.nio.file.Path;
import java.util.List;

/** A feature network with where it came from and how good it is, recorded with every quality event. */
public record TrainedFeatureNet(FeatureNet net, String fingerprint, Path file, boolean fromCache, double testAccuracy,
		double testError, List<String> classNames) {
}
