package org.ganworkbench.trainer.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.LossKind;
import org.ganworkbench.model.TrainingSpec;
import org.ganworkbench.model.run.MetricNames;
import org.ganworkbench.trainer.build.Discriminator;
import org.ganworkbench.trainer.build.GanBuilder;
import org.ganworkbench.trainer.build.Generator;
import org.ganworkbench.trainer.build.ModelException;
import org.ganworkbench.trainer.data.BatchStream;
import org.ganworkbench.trainer.monitor.SingularValues;
import org.ganworkbench.trainer.monitor.Watchdog;
import org.ganworkbench.trainer.nn.CustomModule;
import org.ganworkbench.trainer.nn.Param;
import org.ganworkbench.trainer.nn.Pass;
import org.ganworkbench.trainer.nn.Rng;
import org.ganworkbench.trainer.nn.Weight;
import org.ganworkbench.trainer.run.Checkpoint;
import org.ganworkbench.trainer.run.ImageGrid;
import org.ganworkbench.trainer.run.RunWriter;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The training loop: n D steps per G step with the model's loss, regularisers and augmentation; EMA
 * of G; metrics, singular values, samples and checkpoints at the model's intervals. All randomness
 * comes from seeded generators whose states are checkpointed, so a resumed run continues exactly.
 */
public final class Trainer {

	private static final DataType TYPE = DataType.FLOAT;
	/** Adaptive augmentation moves p by this much per image seen, toward its r_t target. */
	private static final double ADA_RATE = 1.0 / 20_000;
	private static final double[] SAMPLE_TRUNCATIONS = { 0, 1.0, 0.5 };
	private static final int SAMPLE_COUNT = 16;
	private static final double PENALTY_STEP = 1e-2;

	private final TrainingOptions options;
	private final GanModel model;
	private final TrainingSpec spec;
	private final RunWriter writer;
	private final Generator g;
	private final Generator gEma;
	private final Discriminator d;
	private final Optimizer optG;
	private final Optimizer optD;
	private final Ema ema;
	private final Loss loss;
	private final DiffAugment augment;
	private final LatentSampler latents;
	private final GradientPenalty penalty = new GradientPenalty(PENALTY_STEP, 1);
	private final Watchdog watchdog;
	private final Rng zRng;
	private final Rng augmentRng;
	private final Rng penaltyRng;
	private final List<CustomModule> customModules = new ArrayList<>();
	private final IntervalStats stats = new IntervalStats();
	private final Timings timings = new Timings();
	private final NativeMemoryBudget memory = NativeMemoryBudget.fromSystemProperties();
	/** D has no batch statistics, so real and generated images can go through it as one batch. */
	private final boolean jointRealFake;
	private double augmentP;
	private long step;
	private long dataPosition;
	private volatile boolean stopRequested;
	private ProgressListener progress = (s, last, ips, ld, lg) -> {
	};
	private QualitySink quality;

	public Trainer(TrainingOptions options, RunWriter writer) throws ModelException {
		this.options = options;
		this.model = options.model();
		this.spec = model.training();
		this.writer = writer;
		long seed = options.seed();
		this.g = GanBuilder.generator(model, seed, TYPE);
		this.gEma = GanBuilder.generator(model, seed, TYPE);
		this.d = GanBuilder.discriminator(model, seed, TYPE);
		this.optG = new Optimizer(spec.gOptimizer(), g.params());
		this.optD = new Optimizer(spec.dOptimizer(), d.params());
		double decay = spec.ema().enabled() ? spec.ema().decay() : 0;
		this.ema = new Ema(g.params(), gEma.params(), decay, spec.ema().enabled() ? spec.ema().start() : Long.MAX_VALUE);
		this.loss = new Loss(spec.loss());
		this.augment = new DiffAugment(spec.augment().policy());
		this.augmentP = spec.augment().probability();
		this.latents = new LatentSampler(model.latent());
		this.watchdog = new Watchdog(writer);
		this.zRng = Rng.derived(seed, "z");
		this.augmentRng = Rng.derived(seed, "augment");
		this.penaltyRng = Rng.derived(seed, "penalty");
		customModules.addAll(g.graph().modules(CustomModule.class));
		customModules.addAll(d.graph().modules(CustomModule.class));
		this.jointRealFake = !d.graph().mixesSamples();
	}

	public void setProgressListener(ProgressListener listener) {
		this.progress = listener;
	}

	/** Sample-quality evaluation of the EMA generator at the quality interval; null for none. */
	public void setQualitySink(QualitySink sink) {
		this.quality = sink;
	}

	/** Asks the loop to stop after the current step (from a shutdown hook or another thread). */
	public void requestStop() {
		stopRequested = true;
	}

	public long step() {
		return step;
	}

	/** Where the time went: training steps and each kind of monitoring, summed since the start. */
	public static final class Timings {
		public long steps;
		public long stepNanos;
		public long sigmaNanos;
		public long samplesNanos;
		public long metricsNanos;
		public long sigmaEvents;
		public long samplesEvents;
	}

	public Timings timings() {
		return timings;
	}

	/**
	 * Trains until the target step or a stop request.
	 *
	 * @return true when the target step was reached, false when stopped early
	 */
	public boolean run() throws IOException, InterruptedException, DivergedException {
		return runUntil(options.steps());
	}

	/**
	 * Trains until {@code target} (at most the run's last step) or a stop request; can be called again
	 * to continue (the benchmark measures in rounds).
	 *
	 * @return true when the target step was reached, false when stopped early
	 */
	public boolean runUntil(long target) throws IOException, InterruptedException, DivergedException {
		int batch = spec.batchSize();
		try (BatchStream stream = new BatchStream(options.dataset(), batch, options.seed(), dataPosition)) {
			while (step < Math.min(target, options.steps())) {
				if (stopRequested) {
					return false;
				}
				long start = System.nanoTime();
				trainStep(stream);
				timings.stepNanos += System.nanoTime() - start;
				timings.steps++;
				dataPosition = stream.position();
				memory.afterStep();
				afterStep();
			}
		}
		return true;
	}

	private void trainStep(BatchStream stream) throws InterruptedException, DivergedException {
		step++;
		customModules.forEach(m -> m.setStep(step));
		int n = spec.batchSize();
		INDArray lastReal = null;
		int[] lastLabels = null;
		for (int k = 0; k < spec.dSteps(); k++) {
			BatchStream.Batch batch = stream.take();
			INDArray real = Nd4j.create(batch.pixels(), new long[] { n, options.dataset().channels(),
					options.dataset().height(), options.dataset().width() }, 'c').castTo(TYPE);
			int[] labels = conditional() ? batch.labels() : null;
			lastReal = real;
			lastLabels = labels;
			discriminatorStep(real, labels);
			stats.images(n);
		}
		generatorStep(lastReal, lastLabels);
	}

	private static int[] joined(int[] a, int[] b) {
		if (a == null) {
			return null;
		}
		int[] both = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	private boolean conditional() {
		return model.data().classes() > 0;
	}

	private int[] randomLabels(int n) {
		if (!conditional()) {
			return null;
		}
		int[] labels = new int[n];
		for (int i = 0; i < n; i++) {
			labels[i] = zRng.nextInt(model.data().classes());
		}
		return labels;
	}

	private INDArray augmented(INDArray images, DiffAugment.Plan[] planOut) {
		if (!augment.isEnabled()) {
			return images;
		}
		DiffAugment.Plan plan = augment.plan(images.shape(), augmentP, augmentRng);
		if (planOut != null) {
			planOut[0] = plan;
		}
		return plan.forward(images);
	}

	private void discriminatorStep(INDArray real, int[] labels) throws DivergedException {
		int n = (int) real.size(0);
		int[] fakeLabels = randomLabels(n);
		INDArray fake = g.forward(latents.sample(n, 0, zRng, TYPE), fakeLabels, Pass.train());
		INDArray realIn = augmented(real, null);
		INDArray fakeIn = augmented(fake, null);
		optD.zeroGrad();
		INDArray r;
		INDArray f;
		Loss.Value value;
		if (jointRealFake) {
			// one pass over real and generated images together: half the op calls, larger GEMMs
			Pass pass = Pass.train();
			INDArray both = d.forward(Nd4j.concat(0, realIn, fakeIn), joined(labels, fakeLabels), pass);
			r = both.get(NDArrayIndex.interval(0, n), NDArrayIndex.all());
			f = both.get(NDArrayIndex.interval(n, 2 * n), NDArrayIndex.all());
			value = loss.discriminator(r, f);
			d.backward(Nd4j.concat(0, value.gradReal(), value.gradFake()), pass);
		} else {
			Pass realPass = Pass.train();
			Pass fakePass = new Pass(true, false);
			r = d.forward(realIn, labels, realPass);
			f = d.forward(fakeIn, fakeLabels, fakePass);
			value = loss.discriminator(r, f);
			d.backward(value.gradReal(), realPass);
			d.backward(value.gradFake(), fakePass);
		}
		double total = value.loss();
		if (spec.r1Gamma() > 0) {
			double r1 = penalty.apply(d, realIn, labels, spec.r1Gamma(), GradientPenalty.gaussian(penaltyRng));
			stats.add(MetricNames.R1, r1);
			total += r1;
		}
		if (spec.r2Gamma() > 0) {
			double r2 = penalty.apply(d, fakeIn, fakeLabels, spec.r2Gamma(), GradientPenalty.gaussian(penaltyRng));
			stats.add(MetricNames.R2, r2);
			total += r2;
		}
		if (loss.kind() == LossKind.WASSERSTEIN_GP) {
			INDArray alpha = Nd4j.create(TYPE, n, 1, 1, 1).assign(0);
			for (int i = 0; i < n; i++) {
				alpha.putScalar(i, penaltyRng.nextDouble());
			}
			INDArray mixed = realIn.mul(alpha).addi(fakeIn.mul(alpha.rsub(1)));
			double gp = penalty.applyWassersteinPenalty(d, mixed, labels, spec.gpWeight(),
					GradientPenalty.gaussian(penaltyRng));
			stats.add(MetricNames.GP, gp);
			total += gp;
		}
		double beta = model.discriminator().orthogonalRegularization();
		if (beta > 0) {
			total += OrthogonalRegularization.apply(d.weights(), beta);
		}
		checkFinite(total, "D loss");
		stats.add(MetricNames.GRAD_NORM_D, optD.gradNorm());
		optD.step();
		double rt = r.gt(0).castTo(TYPE).mul(2).subi(1).meanNumber().doubleValue();
		stats.add(MetricNames.LOSS_D, total);
		stats.add(MetricNames.D_REAL, r.meanNumber().doubleValue());
		stats.add(MetricNames.D_FAKE, f.meanNumber().doubleValue());
		stats.add(MetricNames.R_T, rt);
		if (spec.augment().enabled() && spec.augment().adaptive()) {
			augmentP = Math.max(0, Math.min(1, augmentP + Math.signum(rt - spec.augment().target()) * n * ADA_RATE));
		}
	}

	private void generatorStep(INDArray real, int[] realLabels) throws DivergedException {
		int n = spec.batchSize();
		int[] labels = randomLabels(n);
		Pass gPass = Pass.train();
		INDArray fake = g.forward(latents.sample(n, 0, zRng, TYPE), labels, gPass);
		DiffAugment.Plan[] plan = new DiffAugment.Plan[1];
		INDArray fakeIn = augmented(fake, plan);
		Pass dPass = new Pass(true, false);
		INDArray f = d.forward(fakeIn, labels, dPass);
		INDArray r = null;
		if (loss.kind() == LossKind.RELATIVISTIC) {
			r = d.forward(augmented(real, null), realLabels, new Pass(true, false));
		}
		Loss.Value value = loss.generator(r, f);
		INDArray gradImages = d.backward(value.gradFake(), dPass);
		if (plan[0] != null) {
			gradImages = plan[0].backward(gradImages);
		}
		optG.zeroGrad();
		g.backward(gradImages, gPass);
		double total = value.loss();
		double beta = model.generator().orthogonalRegularization();
		if (beta > 0) {
			total += OrthogonalRegularization.apply(g.weights(), beta);
		}
		checkFinite(total, "G loss");
		stats.add(MetricNames.GRAD_NORM_G, optG.gradNorm());
		optG.step();
		ema.update(step);
		stats.add(MetricNames.LOSS_G, total);
		checkWeights();
	}

	private void checkFinite(double value, String where) throws DivergedException {
		if (!Double.isFinite(value)) {
			throw new DivergedException(step, where);
		}
	}

	private void checkWeights() throws DivergedException {
		checkParams("G", g.params());
		checkParams("D", d.params());
	}

	private void checkParams(String network, List<Param> params) throws DivergedException {
		for (Param p : params) {
			if (!Double.isFinite(p.value().sumNumber().doubleValue())) {
				throw new DivergedException(step, "weight " + network + "/" + p.name());
			}
		}
	}

	private void afterStep() throws IOException {
		var intervals = spec.intervals();
		progress.stepDone(step, options.steps(), stats.imagesPerSecond(), stats.mean(MetricNames.LOSS_D), stats.mean(MetricNames.LOSS_G));
		long start = System.nanoTime();
		if (due(intervals.metrics())) {
			writeMetrics();
		}
		long metricsDone = System.nanoTime();
		if (due(intervals.singularValues())) {
			writeSigma();
			timings.sigmaEvents++;
		}
		long sigmaDone = System.nanoTime();
		if (due(intervals.samples())) {
			writeSamples(true);
			timings.samplesEvents++;
		} else if (step == 1 && intervals.samples() > 1) {
			// a first grid right away: the views had nothing to show until step 100 (minutes on a CPU)
			writeSamples(false);
		}
		timings.metricsNanos += metricsDone - start;
		timings.sigmaNanos += sigmaDone - metricsDone;
		timings.samplesNanos += System.nanoTime() - sigmaDone;
		if (due(intervals.checkpoints()) && step < options.steps()) {
			writer.checkpoint(checkpoint());
		}
		if (quality != null && intervals.quality() > 0 && due(intervals.quality())) {
			// a snapshot of the EMA weights; the monitor's thread does the rest
			quality.submit(step, gEma.params());
		}
	}

	private boolean due(int interval) {
		return interval > 0 && step % interval == 0 || step == options.steps();
	}

	private void writeMetrics() throws IOException {
		Map<String, Double> values = new LinkedHashMap<>(stats.means());
		values.put(MetricNames.IMAGES_PER_SEC, stats.imagesPerSecond());
		values.put(MetricNames.AUG_P, augmentP);
		Runtime rt = Runtime.getRuntime();
		values.put(MetricNames.HEAP_MB, (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
		values.put(MetricNames.NATIVE_MB, org.bytedeco.javacpp.Pointer.physicalBytes() / 1048576.0);
		writer.metrics(step, values);
		watchdog.rt(step, stats.mean(MetricNames.R_T));
		stats.reset();
	}

	private void writeSigma() throws IOException {
		List<Map<String, Object>> layers = new ArrayList<>();
		addSigma(layers, "G", g.weights());
		addSigma(layers, "D", d.weights());
		writer.sigma(step, layers);
	}

	private void addSigma(List<Map<String, Object>> layers, String network, List<Weight> weights) throws IOException {
		for (Weight weight : weights) {
			INDArray m = weight.matrix();
			double[] sigma = SingularValues.largest(m, 3);
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("network", network);
			entry.put("layer", weight.layer());
			entry.put("shape", List.of(m.size(0), m.size(1)));
			entry.put("sigma", floats(sigma)); // of float32 weights: more digits would be noise
			entry.put("spectral_norm", weight.isSpectralNormalized());
			layers.add(entry);
			watchdog.sigma(step, network, weight.layer(), sigma[0]);
		}
	}

	private static List<Float> floats(double[] values) {
		List<Float> list = new ArrayList<>();
		for (double value : values) {
			list.add((float) value);
		}
		return list;
	}

	/** @param checkDiversity false for the first step's grid: an untrained G always looks collapsed */
	private void writeSamples(boolean checkDiversity) throws IOException {
		INDArray first = null;
		for (double t : SAMPLE_TRUNCATIONS) {
			INDArray images = sample(gEma, t, options.seed());
			if (first == null) {
				first = images;
			}
			writer.sample(step, t, ImageGrid.of(images, 4), SAMPLE_COUNT);
		}
		if (checkDiversity) {
			INDArray real = realReference();
			watchdog.diversity(step, Watchdog.meanPairwiseDistance(first), Watchdog.meanPairwiseDistance(real));
		}
	}

	/** The fixed latent batch of a truncation (same at every step of the run) through a generator. */
	INDArray sample(Generator generator, double truncation, long seed) {
		Rng rng = Rng.derived(seed, "samples");
		INDArray z = latents.sample(SAMPLE_COUNT, truncation, rng, TYPE);
		int[] labels = null;
		if (conditional()) {
			labels = new int[SAMPLE_COUNT];
			for (int i = 0; i < labels.length; i++) {
				labels[i] = i % model.data().classes();
			}
		}
		return generator.forward(z, labels, Pass.inference());
	}

	private INDArray realReference() {
		var data = options.dataset();
		int length = data.channels() * data.height() * data.width();
		float[] pixels = new float[SAMPLE_COUNT * length];
		for (int i = 0; i < SAMPLE_COUNT; i++) {
			data.image(i % data.size(), pixels, i * length);
		}
		return Nd4j.create(pixels, new long[] { SAMPLE_COUNT, data.channels(), data.height(), data.width() }, 'c');
	}

	// ---- checkpoints

	public Checkpoint checkpoint() {
		Map<String, INDArray> tensors = new LinkedHashMap<>();
		put(tensors, "G/", g.params());
		put(tensors, "D/", d.params());
		put(tensors, "G_ema/", gEma.params());
		optG.state().forEach((k, v) -> tensors.put("opt_G/" + k, v));
		optD.state().forEach((k, v) -> tensors.put("opt_D/" + k, v));
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("seed", Long.toString(options.seed()));
		state.put("opt_G_steps", optG.steps());
		state.put("opt_D_steps", optD.steps());
		state.put("data_position", Long.toString(dataPosition));
		state.put("augment_p", augmentP);
		Map<String, Object> rngs = new LinkedHashMap<>();
		rngs.put("z", Long.toString(zRng.state()));
		rngs.put("augment", Long.toString(augmentRng.state()));
		rngs.put("penalty", Long.toString(penaltyRng.state()));
		for (CustomModule m : customModules) {
			rngs.put("noise/" + m.name(), Long.toString(m.noise().state()));
		}
		state.put("rng", rngs);
		state.put("model", model.name());
		return new Checkpoint(step, state, tensors);
	}

	private static void put(Map<String, INDArray> tensors, String prefix, List<Param> params) {
		for (Param p : params) {
			tensors.put(prefix + p.name(), p.value());
		}
	}

	@SuppressWarnings("unchecked")
	public void restore(Checkpoint checkpoint) throws IOException {
		checkpoint.loadInto("G/", g.params());
		checkpoint.loadInto("D/", d.params());
		checkpoint.loadInto("G_ema/", gEma.params());
		Map<String, Object> state = checkpoint.state();
		optG.restore(prefixed(checkpoint, "opt_G/"), (long) number(state.get("opt_G_steps")));
		optD.restore(prefixed(checkpoint, "opt_D/"), (long) number(state.get("opt_D_steps")));
		dataPosition = Long.parseLong((String) state.get("data_position"));
		augmentP = number(state.get("augment_p"));
		Map<String, Object> rngs = (Map<String, Object>) state.get("rng");
		zRng.setState(Long.parseLong((String) rngs.get("z")));
		augmentRng.setState(Long.parseLong((String) rngs.get("augment")));
		penaltyRng.setState(Long.parseLong((String) rngs.get("penalty")));
		for (CustomModule m : customModules) {
			Object noise = rngs.get("noise/" + m.name());
			if (noise != null) {
				m.noise().setState(Long.parseLong((String) noise));
			}
		}
		step = checkpoint.step();
	}

	private static double number(Object value) {
		return org.ganworkbench.model.json.Json.number(value, 0);
	}

	private static Map<String, INDArray> prefixed(Checkpoint checkpoint, String prefix) {
		Map<String, INDArray> out = new LinkedHashMap<>();
		checkpoint.tensors().forEach((k, v) -> {
			if (k.startsWith(prefix)) {
				out.put(k.substring(prefix.length()), v);
			}
		});
		return out;
	}

	/** The EMA generator, for sampling from a checkpoint. */
	public Generator emaGenerator() {
		return gEma;
	}

	public LatentSampler latents() {
		return latents;
	}
}
