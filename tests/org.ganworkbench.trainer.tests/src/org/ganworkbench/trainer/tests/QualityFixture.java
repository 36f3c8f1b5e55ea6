package org.ganworkbench.trainer.tests;

import java.io.IOException;
import java.nio.file.Path;

import org.ganworkbench.trainer.data.DatasetException;
import org.ganworkbench.trainer.data.FashionMnist;
import org.ganworkbench.trainer.data.ImageDataset;
import org.ganworkbench.trainer.quality.FeatureCache;
import org.ganworkbench.trainer.quality.TrainedFeatureNet;

/**
 * Real Fashion-MNIST and the feature classifier runs use (the default budget: about 90% test
 * accuracy, a minute of training), loaded once per test JVM. It is cached in the temporary directory,
 * so later test runs load it in a second.
 */
final class QualityFixture {

	static final Path LOCATION = RealFashionMnist.LOCATION;
	private static QualityFixture instance;

	final ImageDataset train;
	final ImageDataset test;
	final TrainedFeatureNet net;

	private QualityFixture() throws DatasetException, IOException {
		train = FashionMnist.open(LOCATION, 28, 1);
		test = FashionMnist.open(LOCATION.resolve("t10k-images-idx3-ubyte.gz"), 28, 1);
		Path cache = Path.of(System.getProperty("java.io.tmpdir"), "gan-workbench-test-features");
		net = new FeatureCache(cache, FeatureCache.DEFAULT_BUDGET, System.out::println).forDataset(train, 0);
	}

	static synchronized QualityFixture get() throws DatasetException, IOException {
		RealFashionMnist.require();
		if (instance == null) {
			instance = new QualityFixture();
		}
		return instance;
	}
}
