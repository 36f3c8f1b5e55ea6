package org.ganworkbench.trainer.quality;

import org.ganworkbench.trainer.data.ImageDataset;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Compares generated images with a fixed reference set of real images in the feature network's
 * space. Everything about the reference (features, moments, k-NN radii, class histogram) is computed
 * once, so an evaluation costs the features of the generated images and the metrics themselves.
 */
public final class QualityEvaluator {

	/** 5,000 generated against 5,000 real images: FD's bias is small next to its changes in training. */
	public static final int DEFAULT_SAMPLES = 5000;

	private final TrainedFeatureNet net;
	private final FeatureNet.Encoded reference;
	private final Moments referenceMoments;
	private final double[] referenceRadii;

	public QualityEvaluator(TrainedFeatureNet net, INDArray realImages) {
		this.net = net;
		this.reference = net.net().encode(realImages);
		this.referenceMoments = Moments.of(reference.features());
		this.referenceRadii = PrecisionRecall.radii(reference.features());
	}

	/** The reference: {@code samples} images of the dataset chosen by the seed. */
	public static QualityEvaluator forDataset(TrainedFeatureNet net, ImageDataset data, int samples, long seed) {
		return new QualityEvaluator(net, DatasetImages.of(data, DatasetImages.sample(data.size(), samples, seed)));
	}

	public TrainedFeatureNet featureNet() {
		return net;
	}

	public QualityReport evaluate(INDArray images) {
		long start = System.nanoTime();
		FeatureNet.Encoded fake = net.net().encode(images);
		Features real = reference.features();
		double fd = FrechetDistance.between(referenceMoments, Moments.of(fake.features()));
		KernelDistance.Estimate kid = KernelDistance.between(real, fake.features());
		PrecisionRecall.Result manifolds = PrecisionRecall.of(real, referenceRadii, fake.features());
		fake.features().close();
		Coverage coverage = fake.predicted() == null ? null
				: Coverage.of(net.classNames(), fake.predicted(), reference.predicted());
		return new QualityReport(fake.features().count(), real.count(), fd, kid.value(), kid.standardError(),
				manifolds.precision(), manifolds.recall(), manifolds.knnCoverage(), coverage,
				(System.nanoTime() - start) / 1e9);
	}
}
