package org.ganworkbench.trainer.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.OptimizerKind;
import org.ganworkbench.trainer.build.GanBuilder;
import org.ganworkbench.trainer.build.Generator;
import org.ganworkbench.trainer.build.ModelException;
import org.ganworkbench.trainer.data.SyntheticShapes;
import org.ganworkbench.trainer.monitor.SingularValues;
import org.ganworkbench.trainer.nn.BatchNorm;
import org.ganworkbench.trainer.nn.Conv;
import org.ganworkbench.trainer.nn.Dense;
import org.ganworkbench.trainer.nn.Init;
import org.ganworkbench.trainer.nn.Param;
import org.ganworkbench.trainer.nn.Pass;
import org.ganworkbench.trainer.nn.Rng;
import org.ganworkbench.trainer.nn.SingleInputModule;
import org.ganworkbench.trainer.quality.DatasetImages;
import org.ganworkbench.trainer.quality.FeatureNet;
import org.ganworkbench.trainer.quality.FeatureNetTrainer;
import org.ganworkbench.trainer.quality.Features;
import org.ganworkbench.trainer.quality.FrechetDistance;
import org.ganworkbench.trainer.quality.GeneratedImages;
import org.ganworkbench.trainer.quality.KernelDistance;
import org.ganworkbench.trainer.quality.Moments;
import org.ganworkbench.trainer.quality.QualityEvaluator;
import org.ganworkbench.trainer.quality.QualityMonitor;
import org.ganworkbench.trainer.quality.QualityReport;
import org.ganworkbench.trainer.quality.TrainedFeatureNet;
import org.ganworkbench.trainer.run.RunDescription;
import org.ganworkbench.trainer.run.RunWriter;
import org.ganworkbench.trainer.train.Optimizer;
import org.ganworkbench.trainer.train.Trainer;
import org.ganworkbench.trainer.train.TrainingOptions;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The native work of the trainer's two threads as repeatable units for {@link NativeStress}: each
 * unit owns its arrays and computes the same values every time it runs, so a run beside other
 * threads can be compared with a run alone.
 */
final class StressWork {

	private static final DataType TYPE = DataType.FLOAT;

	private StressWork() {
	}

	/** One repeatable piece of native work; {@link #run()} gives the same fingerprint every time. */
	interface Unit {
		String name();

		Fingerprint run() throws Exception;
	}

	/** What a unit does. */
	@FunctionalInterface
	interface Work {
		Fingerprint run() throws Exception;
	}

	static Unit unit(String name, Work work) {
		return new Named(name, work);
	}

	private record Named(String name, Work work) implements Unit {
		@Override
		public Fingerprint run() throws Exception {
			return work.run();
		}
	}

	/**
	 * What a unit computed: per result array its sum and sum of absolute values, and a hash of every
	 * bit of every value. Equal hashes mean bit-identical results; sums within float tolerance mean
	 * the same results computed in another order.
	 */
	record Fingerprint(double[] sums, long bits) {

		static final double TOLERANCE = 1e-4;

		boolean identical(Fingerprint other) {
			return bits == other.bits && Arrays.equals(sums, other.sums);
		}

		boolean close(Fingerprint other) {
			if (sums.length != other.sums.length) {
				return false;
			}
			for (int i = 0; i < sums.length; i++) {
				double a = sums[i];
				double b = other.sums[i];
				if (!(Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(b)))) {
					return false;
				}
			}
			return true;
		}
	}

	/** Collects the values of result arrays and scalars into a {@link Fingerprint}. */
	static final class Collector {
		private final List<Double> sums = new ArrayList<>();
		private long bits = 17;

		Collector add(INDArray array) {
			INDArray copy = array.dup('c');
			double[] values = copy.data().asDouble();
			// the copy's buffer must outlive the read (see SingularValues)
			Reference.reachabilityFence(copy);
			double sum = 0;
			double abs = 0;
			for (double v : values) {
				sum += v;
				abs += Math.abs(v);
				bits = bits * 31 + Double.doubleToLongBits(v);
			}
			sums.add(sum);
			sums.add(abs);
			return this;
		}

		Collector add(double value) {
			sums.add(value);
			bits = bits * 31 + Double.doubleToLongBits(value);
			return this;
		}

		Fingerprint fingerprint() {
			return new Fingerprint(sums.stream().mapToDouble(Double::doubleValue).toArray(), bits);
		}
	}

	private static Init init(long seed, double std) {
		return new Init(new Rng(seed), TYPE, std);
	}

	private static void restore(List<Param> params, List<INDArray> values) {
		for (int i = 0; i < params.size(); i++) {
			params.get(i).value().assign(values.get(i));
		}
	}

	private static List<INDArray> copies(List<Param> params) {
		return params.stream().map(p -> p.value().dup()).toList();
	}

	/**
	 * A layer's forward and backward in training, then Adam on its parameters, from the same
	 * parameters and optimizer state every run.
	 */
	private static Unit layer(String name, SingleInputModule module, INDArray x, INDArray gradOut) {
		List<Param> params = module.params();
		List<INDArray> initial = copies(params);
		Optimizer adam = new Optimizer(OptimizerKind.ADAM, 2e-4, 0.5, 0.999, 1e-8, params);
		Map<String, INDArray> zeroState = new LinkedHashMap<>();
		adam.state().forEach((k, v) -> zeroState.put(k, v.dup()));
		return unit(name, () -> {
			restore(params, initial);
			adam.restore(zeroState, 0);
			adam.zeroGrad();
			Pass pass = Pass.train();
			INDArray y = module.forward(x, pass);
			INDArray gradIn = module.backward1(gradOut, pass);
			Collector c = new Collector().add(y).add(gradIn);
			for (Param p : params) {
				if (p.isTrainable()) {
					c.add(p.grad());
				}
			}
			adam.step();
			params.forEach(p -> c.add(p.value()));
			return c.fingerprint();
		});
	}

	/** conv2d and conv2d_bp at the size of the DCGAN discriminator's second layer (64 to 128 channels). */
	static Unit conv(long seed) {
		Init init = init(seed, 0.02);
		Conv conv = new Conv("D", "conv", false, 64, 128, 4, 2, 1, true, false, init);
		return layer("conv", conv, init.weight(8, 64, 14, 14).muli(50), init.weight(8, 128, 7, 7).muli(50));
	}

	/** deconv2d and deconv2d_bp at the size of the DCGAN generator's first upsampling (128 to 64). */
	static Unit deconv(long seed) {
		Init init = init(seed, 0.02);
		Conv deconv = new Conv("G", "deconv", true, 128, 64, 4, 2, 1, true, false, init);
		return layer("deconv", deconv, init.weight(8, 128, 7, 7).muli(50), init.weight(8, 64, 14, 14).muli(50));
	}

	/** Plain batch norm in training: moments, batchnorm and batchnorm_bp (the running averages reset too). */
	static Unit batchNorm(long seed) {
		Init init = init(seed, 1);
		BatchNorm bn = BatchNorm.plain("bn", 64, 1e-5, 0.9, init);
		return layer("batchnorm", bn, init.weight(16, 64, 14, 14), init.weight(16, 64, 14, 14));
	}

	/** Dense forward and backward: three sgemm calls at the size of the DCGAN generator's input layer. */
	static Unit dense(long seed) {
		Init init = init(seed, 0.02);
		Dense dense = new Dense("G", "fc", 100, 6272, true, false, init);
		return layer("gemm", dense, init.weight(64, 100).muli(50), init.weight(64, 6272).muli(50));
	}

	/** The fused Adam kernel alone, three steps on a convolution-sized tensor and a small one. */
	static Unit adam(long seed) {
		Init init = init(seed, 0.02);
		List<Param> params = List.of(Param.trainable("w", init.weight(128, 64, 4, 4)), Param.trainable("b", init.weight(128)));
		List<INDArray> initial = copies(params);
		List<INDArray> grads = params.stream().map(p -> init.weight(p.value().shape())).toList();
		Optimizer adam = new Optimizer(OptimizerKind.ADAM, 2e-4, 0.5, 0.999, 1e-8, params);
		Map<String, INDArray> zeroState = new LinkedHashMap<>();
		adam.state().forEach((k, v) -> zeroState.put(k, v.dup()));
		return unit("adam", () -> {
			restore(params, initial);
			adam.restore(zeroState, 0);
			for (int step = 0; step < 3; step++) {
				adam.zeroGrad();
				for (int i = 0; i < params.size(); i++) {
					params.get(i).addGrad(grads.get(i));
				}
				adam.step();
			}
			Collector c = new Collector();
			params.forEach(p -> c.add(p.value()));
			adam.state().values().forEach(c::add);
			return c.fingerprint();
		});
	}

	/**
	 * The weight matrices of the 8x8 DCGAN, SN-GAN and R3GAN templates as the singular-value monitor
	 * sees them (64x2048 the largest): TrainingTest's tiny runs take their singular values every step.
	 */
	private static final long[][] TINY_WEIGHTS = { { 512, 64 }, { 64, 2048 }, { 1, 1024 }, { 64, 16 }, { 128, 1024 },
			{ 1, 512 }, { 256, 32 }, { 64, 576 }, { 128, 576 }, { 128, 1152 }, { 64, 1152 }, { 32, 576 }, { 32, 288 },
			{ 4, 128 } };

	/** The singular-value monitor (SingularValues) on every tiny weight matrix, one after the other. */
	static Unit singularValues(long seed) {
		return singularValues("gesvd", SingularValues::largest, seed);
	}

	/**
	 * The singular-value monitor as it was before the fix: ND4J's LAPACK wrapper given a copy of the
	 * matrix that nothing references during the call (the caller no longer needs it), so that a
	 * garbage collection in the call frees it under sgesvd.
	 */
	static Unit singularValuesBeforeFix(long seed) {
		return singularValues("gesvd-before-fix", StressWork::largestBeforeFix, seed);
	}

	/** SingularValues.largest as it was before the fix (the monitor's code of 2026-12-02). */
	static double[] largestBeforeFix(INDArray matrix, int count) {
		INDArray a = matrix.castTo(TYPE).dup('f');
		long m = a.rows();
		long n = a.columns();
		if (m < n) {
			a = a.transpose().dup('f');
			n = a.columns();
		}
		INDArray s = Nd4j.create(TYPE, n);
		Nd4j.getBlasWrapper().lapack().gesvd(a, s, null, null);
		double[] result = new double[(int) Math.min(count, n)];
		for (int i = 0; i < result.length; i++) {
			result[i] = s.getDouble(i);
		}
		return result;
	}

	/** The three largest singular values of a matrix, one way or the other. */
	@FunctionalInterface
	private interface Svd {
		double[] largest(INDArray matrix, int count);
	}

	private static Unit singularValues(String name, Svd svd, long seed) {
		Init init = init(seed, 0.02);
		List<INDArray> matrices = Arrays.stream(TINY_WEIGHTS).map(init::weight).toList();
		return unit(name, () -> {
			Collector c = new Collector();
			for (INDArray m : matrices) {
				for (double sigma : svd.largest(m, 3)) {
					c.add(sigma);
				}
			}
			return c.fingerprint();
		});
	}

	/**
	 * Spectral norm's power iteration (Weight.forward): matrix-vector products, which ND4J hands to
	 * BLAS gemv, on the SN-GAN's weight shapes.
	 */
	static Unit gemv(long seed) {
		Init init = init(seed, 0.02);
		long[][] shapes = { { 64, 576 }, { 128, 576 }, { 128, 1152 }, { 256, 4096 }, { 6272, 100 } };
		List<INDArray> matrices = Arrays.stream(shapes).map(init::weight).toList();
		List<INDArray> vectors = Arrays.stream(shapes).map(s -> init.weight(s[0], 1)).toList();
		return unit("gemv", () -> {
			Collector c = new Collector();
			for (int i = 0; i < matrices.size(); i++) {
				INDArray v = matrices.get(i).transpose().mmul(vectors.get(i));
				c.add(matrices.get(i).mmul(v));
			}
			return c.fingerprint();
		});
	}

	/**
	 * What an evaluation does besides the generator: the feature network's inference forward on 500
	 * images, then FD and KID over double-precision GEMMs, with the temporaries closed as the quality
	 * code closes them.
	 */
	static Unit features(long seed) {
		FeatureNet net = FeatureNet.create(FeatureNet.Kind.CLASSIFIER, 1, 28, 10, seed);
		SyntheticShapes shapes = new SyntheticShapes(28, 1, seed, 1000);
		INDArray real = DatasetImages.of(shapes, DatasetImages.sample(shapes.size(), 500, 1));
		INDArray fake = DatasetImages.of(shapes, DatasetImages.sample(shapes.size(), 500, 2));
		return unit("features", () -> {
			Features a = net.features(real);
			Features b = net.features(fake);
			KernelDistance.Estimate kid = KernelDistance.between(a, b);
			double fd = FrechetDistance.between(Moments.of(a), Moments.of(b));
			return new Collector().add(kid.value()).add(kid.standardError()).add(fd).fingerprint();
		});
	}

	/**
	 * The feature network's training as the old arrangement ran it beside the GAN: a classifier on
	 * 8x8 synthetic shapes with Adam, held-out accuracy at every epoch's end (an epoch is 7 steps here).
	 */
	static Unit featureTraining(long seed) {
		SyntheticShapes shapes = new SyntheticShapes(8, 1, seed, 1000);
		return unit("feature-net-training", () -> {
			FeatureNet net = FeatureNet.create(FeatureNet.Kind.CLASSIFIER, 1, 8, shapes.classes(), seed);
			FeatureNetTrainer.Result result = new FeatureNetTrainer(128 * 20, line -> {
			}, () -> false).train(net, shapes, seed);
			Collector c = new Collector().add(result.testAccuracy()).add(result.imagesSeen());
			net.params().forEach(p -> c.add(p.value()));
			return c.fingerprint();
		});
	}

	/**
	 * Two steps of a tiny template with every interval at 1, as TrainingTest's runs (samples, singular
	 * values, metrics and a checkpoint at step 1), in a run directory of its own that is deleted after.
	 */
	static Unit ganSteps(String template, Path scratch, long seed) throws ModelException {
		String text = TrainingFixtures.tiny(template, 1);
		GanModel model = GanBuilder.parse(text, template + ".gan");
		SyntheticShapes shapes = new SyntheticShapes(8, 1, seed);
		AtomicInteger runs = new AtomicInteger();
		return unit("gan-" + template, () -> {
			Path dir = Files.createTempDirectory(scratch, template + "-" + runs.getAndIncrement() + "-");
			Path runDir = dir.resolve("run");
			Collector c = new Collector();
			try (RunWriter writer = RunWriter.create(runDir, new RunDescription(template, seed, "cpu"), text)) {
				Trainer trainer = new Trainer(new TrainingOptions(model, text, shapes, runDir, 2, seed), writer);
				trainer.run();
				trainer.checkpoint().tensors().values().forEach(c::add);
			} finally {
				deleteTree(dir);
			}
			return c.fingerprint();
		});
	}

	/**
	 * The quality thread's evaluation: an EMA snapshot loaded into its own generator, 500 samples
	 * drawn and scored against 500 real images (an untrained feature network: the arithmetic is the
	 * same).
	 */
	static Unit evaluation(long seed) throws ModelException {
		GanModel model = GanBuilder.parse(TrainingFixtures.tiny("dcgan", 1), "dcgan.gan");
		Generator generator = GanBuilder.generator(model, seed, TYPE);
		List<INDArray> snapshot = copies(GanBuilder.generator(model, seed + 1, TYPE).params());
		SyntheticShapes shapes = new SyntheticShapes(8, 1, seed, 2000);
		FeatureNet net = FeatureNet.create(FeatureNet.Kind.CLASSIFIER, 1, 8, shapes.classes(), seed);
		TrainedFeatureNet trained = new TrainedFeatureNet(net, "stress", null, false, Double.NaN, Double.NaN,
				shapes.classNames());
		QualityEvaluator evaluator = QualityEvaluator.forDataset(trained, shapes, 500, seed);
		return unit("evaluation", () -> {
			restore(generator.params(), snapshot);
			INDArray images = GeneratedImages.of(generator, model, 500, seed);
			QualityReport report = evaluator.evaluate(images);
			images.close();
			return new Collector().add(report.fd()).add(report.kid()).add(report.precision()).add(report.recall())
					.add(report.knnCoverage()).fingerprint();
		});
	}

	/**
	 * The training thread's side of the quality monitor, hammered: 200 snapshots submitted as fast as
	 * the monitor takes them, so that most replace a waiting evaluation (whose snapshot is freed)
	 * while the quality thread starts the one before. The fingerprint is the number of failed
	 * evaluations: 0 every time.
	 */
	static Unit monitorSubmissions(Path scratch, long seed) throws ModelException {
		String text = TrainingFixtures.tiny("dcgan", 1);
		GanModel model = GanBuilder.parse(text, "dcgan.gan");
		List<Param> ema = GanBuilder.generator(model, seed, TYPE).params();
		SyntheticShapes shapes = new SyntheticShapes(8, 1, seed, 200);
		FeatureNet net = FeatureNet.create(FeatureNet.Kind.CLASSIFIER, 1, 8, shapes.classes(), seed);
		TrainedFeatureNet trained = new TrainedFeatureNet(net, "stress", null, false, Double.NaN, Double.NaN,
				shapes.classNames());
		AtomicInteger runs = new AtomicInteger();
		return unit("monitor-submissions", () -> {
			Path dir = Files.createTempDirectory(scratch, "monitor-" + runs.getAndIncrement() + "-");
			List<String> failures = new CopyOnWriteArrayList<>();
			try (RunWriter writer = RunWriter.create(dir.resolve("run"), new RunDescription("m", seed, "cpu"), text)) {
				QualityMonitor monitor = new QualityMonitor(model,
						stop -> QualityEvaluator.forDataset(trained, shapes, 16, seed), writer, 16, seed, 0, line -> {
							if (line.contains("failed")) {
								failures.add(line);
							}
						});
				monitor.prepare();
				for (int step = 1; step <= 200; step++) {
					monitor.submit(step, ema);
					Thread.yield();
				}
				monitor.close();
			} finally {
				deleteTree(dir);
			}
			if (!failures.isEmpty()) {
				throw new IllegalStateException(failures.size() + " evaluations failed, the first: " + failures.get(0));
			}
			return new Collector().add(failures.size()).fingerprint();
		});
	}

	/**
	 * Java garbage, 16 MB of it in 1 MB arrays and a 2 ms pause, as a busy second thread makes (the
	 * feature network's training or an evaluation): the collections it causes come at any point of
	 * the other threads' native calls, and ND4J's deallocator thread then frees every array no longer
	 * referenced.
	 */
	static Unit garbage() {
		return unit("garbage", () -> {
			long sum = 0;
			for (int i = 0; i < 16; i++) {
				byte[] chunk = new byte[1 << 20];
				chunk[i] = (byte) i;
				sum += chunk[i];
			}
			// leave the other thread a core
			Thread.sleep(2);
			return new Collector().add(sum).fingerprint();
		});
	}

	/**
	 * The unit on a thread of its own that ends after it, as each run's quality thread ends when its
	 * monitor closes: the thread's native thread-local state is torn down while other threads compute.
	 */
	static Unit onFreshThread(Unit unit) {
		return unit(unit.name() + "@fresh-thread", () -> {
			AtomicReference<Object> result = new AtomicReference<>();
			Thread thread = new Thread(() -> {
				try {
					result.set(unit.run());
				} catch (Exception | Error e) {
					result.set(e);
				}
			}, "stress-fresh");
			thread.start();
			thread.join();
			if (result.get() instanceof Exception e) {
				throw e;
			}
			if (result.get() instanceof Error e) {
				throw e;
			}
			return (Fingerprint) result.get();
		});
	}

	static void deleteTree(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
