package org.ganworkbench.trainer.quality;

import java.util.ArrayList;
import java.util.List;

import org.ganworkbench.trainer.nn.Activation;
import org.ganworkbench.trainer.nn.Chain;
import org.ganworkbench.trainer.nn.Conv;
import org.ganworkbench.trainer.nn.Dense;
import org.ganworkbench.trainer.nn.Init;
import org.ganworkbench.trainer.nn.Param;
import org.ganworkbench.trainer.nn.Pass;
import org.ganworkbench.trainer.nn.Reshape;
import org.ganworkbench.trainer.nn.Rng;
import org.ganworkbench.trainer.nn.SingleInputModule;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The workbench's stand-in for Inception: a small CNN encoder (three stride-2 3x3 convolutions,
 * 16-32-64 channels, then a 64-unit dense layer) whose 64 activations are the features. Labelled
 * data trains it with a classifier head; unlabelled data as the encoder of an autoencoder whose
 * decoder mirrors it with transposed convolutions.
 */
public final class FeatureNet {

	public enum Kind {
		CLASSIFIER, AUTOENCODER
	}

	public static final int FEATURES = 64;
	private static final DataType TYPE = DataType.FLOAT;
	private static final double SLOPE = 0.2;
	private static final int BATCH = 500;

	private final Kind kind;
	private final int channels;
	private final int resolution;
	private final int classes;
	private final Chain encoder;
	/** Classifier: the logits layer; autoencoder: the decoder. */
	private final SingleInputModule head;

	private FeatureNet(Kind kind, int channels, int resolution, int classes, Chain encoder, SingleInputModule head) {
		this.kind = kind;
		this.channels = channels;
		this.resolution = resolution;
		this.classes = classes;
		this.encoder = encoder;
		this.head = head;
	}

	/** A freshly initialised network (He initialisation, seeded). */
	public static FeatureNet create(Kind kind, int channels, int resolution, int classes, long seed) {
		Rng rng = Rng.derived(seed, "features");
		long s1 = (resolution + 1) / 2;
		long s2 = (s1 + 1) / 2;
		long s3 = (s2 + 1) / 2;
		long flat = 64 * s3 * s3;
		List<SingleInputModule> enc = new ArrayList<>();
		enc.add(new Conv("F", "c1", false, channels, 16, 3, 2, 1, true, false, he(rng, channels * 9)));
		enc.add(new Activation("a1", Activation.Kind.LEAKY_RELU, SLOPE));
		enc.add(new Conv("F", "c2", false, 16, 32, 3, 2, 1, true, false, he(rng, 16 * 9)));
		enc.add(new Activation("a2", Activation.Kind.LEAKY_RELU, SLOPE));
		enc.add(new Conv("F", "c3", false, 32, 64, 3, 2, 1, true, false, he(rng, 32 * 9)));
		enc.add(new Activation("a3", Activation.Kind.LEAKY_RELU, SLOPE));
		enc.add(new Reshape("flat", flat));
		enc.add(new Dense("F", "fc", flat, FEATURES, true, false, he(rng, flat)));
		enc.add(new Activation("a4", Activation.Kind.LEAKY_RELU, SLOPE));
		Chain encoder = new Chain("encoder", enc);
		SingleInputModule head;
		if (kind == Kind.CLASSIFIER) {
			head = new Dense("F", "logits", FEATURES, classes, true, false, he(rng, FEATURES));
		} else {
			List<SingleInputModule> dec = new ArrayList<>();
			dec.add(new Dense("F", "dfc", FEATURES, flat, true, false, he(rng, FEATURES)));
			dec.add(new Activation("d0", Activation.Kind.RELU, 0));
			dec.add(new Reshape("unflat", 64, s3, s3));
			dec.add(new Conv("F", "u1", true, 64, 32, 4, 2, 1, true, false, he(rng, 64 * 4)));
			dec.add(new Activation("d1", Activation.Kind.RELU, 0));
			dec.add(new Conv("F", "u2", true, 32, 16, 4, 2, 1, true, false, he(rng, 32 * 4)));
			dec.add(new Activation("d2", Activation.Kind.RELU, 0));
			dec.add(new Conv("F", "u3", true, 16, channels, 4, 2, 1, true, false, he(rng, 16 * 4)));
			dec.add(new Crop("crop", resolution));
			dec.add(new Activation("out", Activation.Kind.TANH, 0));
			head = new Chain("decoder", dec);
		}
		return new FeatureNet(kind, channels, resolution, classes, encoder, head);
	}

	private static Init he(Rng rng, long fanIn) {
		return new Init(rng, TYPE, Math.sqrt(2.0 / fanIn));
	}

	public Kind kind() {
		return kind;
	}

	public int channels() {
		return channels;
	}

	public int resolution() {
		return resolution;
	}

	public int classes() {
		return classes;
	}

	Chain encoder() {
		return encoder;
	}

	SingleInputModule head() {
		return head;
	}

	public List<Param> params() {
		List<Param> list = new ArrayList<>(encoder.params());
		list.addAll(head.params());
		return list;
	}

	/** Features of images [N, C, H, W] in [-1, 1], in batches. */
	public Features features(INDArray images) {
		return encode(images).features();
	}

	/** The most likely class of each image (classifier only). */
	public int[] classify(INDArray images) {
		if (kind != Kind.CLASSIFIER) {
			throw new IllegalStateException("an autoencoder's features have no classes");
		}
		return encode(images).predicted();
	}

	/** Features and, for a classifier, the predicted classes, in one pass over the images. */
	Encoded encode(INDArray images) {
		long n = images.size(0);
		INDArray features = org.nd4j.linalg.factory.Nd4j.create(TYPE, n, FEATURES);
		int[] predicted = kind == Kind.CLASSIFIER ? new int[(int) n] : null;
		for (long from = 0; from < n; from += BATCH) {
			long to = Math.min(n, from + BATCH);
			INDArray batch = images.get(NDArrayIndex.interval(from, to)).castTo(TYPE);
			Pass pass = Pass.inference();
			INDArray f = encoder.forward(batch, pass);
			features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).assign(f);
			if (predicted != null) {
				INDArray logits = head.forward(f, pass);
				INDArray argmax = logits.argMax(1);
				for (long i = from; i < to; i++) {
					predicted[(int) i] = argmax.getInt((int) (i - from));
				}
				Features.close(logits);
				Features.close(argmax);
			}
			Features.close(f);
		}
		Features encoded = new Features(features);
		Features.close(features);
		return new Encoded(encoded, predicted);
	}

	record Encoded(Features features, int[] predicted) {
	}
}
