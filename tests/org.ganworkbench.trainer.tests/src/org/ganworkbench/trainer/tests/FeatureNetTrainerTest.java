package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.ganworkbench.trainer.data.SyntheticShapes;
import org.ganworkbench.trainer.quality.FeatureCache;
import org.ganworkbench.trainer.quality.FeatureNet;
import org.ganworkbench.trainer.quality.FeatureNetTrainer;
import org.junit.jupiter.api.Test;

/** When the feature network's training ends: the budget, a plateau of the held-out figure, a stop. */
class FeatureNetTrainerTest {

	private final SyntheticShapes shapes = new SyntheticShapes(8, 1, 0, 2_000);
	private final List<String> log = new CopyOnWriteArrayList<>();

	@Test
	void trainingEndsWhenTwoEpochsInARowDoNotImproveTheHeldOutFigure() {
		// an autoencoder: its error keeps falling a little, so the plateau rule (not a perfect score) ends it
		FeatureNet net = FeatureNet.create(FeatureNet.Kind.AUTOENCODER, 1, 8, 1, 0);
		FeatureNetTrainer.Result result = new FeatureNetTrainer(FeatureCache.DEFAULT_BUDGET, log::add, () -> false)
				.train(net, shapes, 0);
		System.out.println("synthetic shapes, autoencoder: " + result);
		assertTrue(result.imagesSeen() < FeatureCache.DEFAULT_BUDGET, result.toString());
		assertTrue(log.stream().anyMatch(line -> line.endsWith("two epochs before: done")), log.toString());
	}

	@Test
	void theDemosShapesAreLearntInOneEpochAndTheTrainingEndsThere() {
		// the headless demo's dataset (28x28, 60,000 images): its first run waits for this network
		SyntheticShapes demo = new SyntheticShapes(28, 1, 0);
		FeatureNet net = FeatureNet.create(FeatureNet.Kind.CLASSIFIER, 1, 28, demo.classes(), 0);
		FeatureNetTrainer.Result result = new FeatureNetTrainer(FeatureCache.DEFAULT_BUDGET, log::add, () -> false)
				.train(net, demo, 0);
		System.out.println("demo shapes: " + result);
		assertTrue(log.stream().anyMatch(line -> line.endsWith("after epoch 1: nothing left to learn")), log.toString());
		assertTrue(result.imagesSeen() <= 54_000 && result.testAccuracy() >= 0.999, result.toString());
	}

	@Test
	void aStopRequestEndsTheTrainingBetweenTwoSteps() {
		FeatureNet net = FeatureNet.create(FeatureNet.Kind.AUTOENCODER, 1, 8, 1, 0);
		AtomicInteger asked = new AtomicInteger();
		CancellationException stopped = assertThrows(CancellationException.class,
				() -> new FeatureNetTrainer(FeatureCache.DEFAULT_BUDGET, log::add, () -> asked.incrementAndGet() > 5)
						.train(net, shapes, 0));
		assertTrue(stopped.getMessage().startsWith("feature net: training stopped at 0%"), stopped.getMessage());
		assertTrue(asked.get() == 6, "asked before every step, and no step after the stop: " + asked);
	}
}
