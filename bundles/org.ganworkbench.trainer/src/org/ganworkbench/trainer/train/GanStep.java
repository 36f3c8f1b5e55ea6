package org.ganworkbench.trainer.train;

import java.util.Arrays;
import java.util.List;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.LossKind;
import org.ganworkbench.model.TrainingSpec;
import org.ganworkbench.model.run.MetricNames;
import org.ganworkbench.trainer.build.Discriminator;
import org.ganworkbench.trainer.build.Generator;
import org.ganworkbench.trainer.data.BatchStream;
import org.ganworkbench.trainer.data.ImageDataset;
import org.ganworkbench.trainer.nn.Graph;
import org.ganworkbench.trainer.nn.Param;
import org.ganworkbench.trainer.nn.Pass;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The maths of one training step: n D steps then one G step, with the model's loss, penalties,
 * regularisers, augmentation and the EMA update. Every random draw comes from the generators of the
 * {@link TrainingState}, in a fixed order, so a resumed run draws exactly what the uninterrupted one
 * would have; the measurements go to the interval's stats for the monitoring to write.
 */
final class GanStep {

	/** Adaptive augmentation moves p by this much per image seen, toward its r_t target. */
	private static final double ADA_RATE = 1.0 / 20_000;
	private static final double PENALTY_STEP = 1e-2;

	private final GanModel model;
	private final TrainingSpec spec;
	private final ImageDataset dataset;
	private final Generator g;
	private final Discriminator d;
	private final Optimizer optG;
	private final Optimizer optD;
	private final Ema ema;
	private final Loss loss;
	private final DiffAugment augment;
	private final LatentSampler latents;
	private final GradientPenalty penalty = new GradientPenalty(PENALTY_STEP, 1);
	private final StepWorkspace workspace = StepWorkspace.fromSystemProperties();
	private final IntervalStats stats;
	private final TrainingState state;
	/** D has no batch statistics, so real and generated images can go through it as one batch. */
	private final boolean jointRealFake;

	GanStep(TrainingOptions options, Generator g, Generator gEma, Discriminator d, Optimizer optG, Optimizer optD,
			LatentSampler latents, IntervalStats stats, TrainingState state) {
		this.model = options.model();
		this.spec = model.training();
		this.dataset = options.dataset();
		this.g = g;
		this.d = d;
		this.optG = optG;
		this.optD = optD;
		double decay = spec.ema().enabled() ? spec.ema().decay() : 0;
		this.ema = new Ema(g.params(), gEma.params(), decay, spec.ema().enabled() ? spec.ema().start() : Long.MAX_VALUE);
		this.loss = new Loss(spec.loss());
		this.augment = new DiffAugment(spec.augment().policy());
		this.latents = latents;
		this.stats = stats;
		this.state = state;
		this.jointRealFake = !d.graph().mixesSamples();
	}

	/** One step: advances the step counter, takes the D steps' batches from the stream. */
	void run(BatchStream stream) throws InterruptedException, DivergedException {
		state.advance();
		int n = spec.batchSize();
		BatchStream.Batch batch = null;
		for (int k = 0; k < spec.dSteps(); k++) {
			batch = stream.take();
			try (MemoryWorkspace phase = workspace.open()) {
				discriminatorStep(images(batch), labels(batch));
			}
			stats.images(n);
		}
		try (MemoryWorkspace phase = workspace.open()) {
			generatorStep(batch);
		}
	}

	private INDArray images(BatchStream.Batch batch) {
		return Nd4j.create(batch.pixels(), new long[] { spec.batchSize(), dataset.channels(), dataset.height(),
				dataset.width() }, 'c').castTo(Trainer.TYPE);
	}

	private int[] labels(BatchStream.Batch batch) {
		return conditional() ? batch.labels() : null;
	}

	private static int[] joined(int[] a, int[] b) {
		if (a == null) {
			return null;
		}
		int[] both = Arrays.copyOf(a, a.length + b.length);
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
			labels[i] = state.zRng().nextInt(model.data().classes());
		}
		return labels;
	}

	private INDArray augmented(INDArray images, DiffAugment.Plan[] planOut) {
		if (!augment.isEnabled()) {
			return images;
		}
		DiffAugment.Plan plan = augment.plan(images.shape(), state.augmentP(), state.augmentRng());
		if (planOut != null) {
			planOut[0] = plan;
		}
		return plan.forward(images);
	}

	private void discriminatorStep(INDArray real, int[] labels) throws DivergedException {
		int n = (int) real.size(0);
		int[] fakeLabels = randomLabels(n);
		INDArray fake = g.forward(latents.sample(n, 0, state.zRng(), Trainer.TYPE), fakeLabels, Pass.train());
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
		double total = update(withPenalties(value.loss(), n, realIn, labels, fakeIn, fakeLabels),
				model.discriminator().orthogonalRegularization(), d.graph(), optD, MetricNames.GRAD_NORM_D, "D loss");
		double rt = r.gt(0).castTo(Trainer.TYPE).mul(2).subi(1).meanNumber().doubleValue();
		stats.add(MetricNames.LOSS_D, total);
		stats.add(MetricNames.D_REAL, r.meanNumber().doubleValue());
		stats.add(MetricNames.D_FAKE, f.meanNumber().doubleValue());
		stats.add(MetricNames.R_T, rt);
		if (spec.augment().enabled() && spec.augment().adaptive()) {
			double p = state.augmentP() + Math.signum(rt - spec.augment().target()) * n * ADA_RATE;
			state.augmentP(Math.max(0, Math.min(1, p)));
		}
	}

	/**
	 * Adds R1, R2 and the Wasserstein GP to the D loss, each only when the model asks for it; added one by
	 * one in this order, as the logged loss has always been.
	 */
	private double withPenalties(double lossD, int n, INDArray realIn, int[] labels, INDArray fakeIn, int[] fakeLabels) {
		double total = lossD;
		if (spec.r1Gamma() > 0) {
			double r1 = penalty.apply(d, realIn, labels, spec.r1Gamma(), GradientPenalty.gaussian(state.penaltyRng()));
			stats.add(MetricNames.R1, r1);
			total += r1;
		}
		if (spec.r2Gamma() > 0) {
			double r2 = penalty.apply(d, fakeIn, fakeLabels, spec.r2Gamma(), GradientPenalty.gaussian(state.penaltyRng()));
			stats.add(MetricNames.R2, r2);
			total += r2;
		}
		if (loss.kind() == LossKind.WASSERSTEIN_GP) {
			INDArray alpha = Nd4j.create(Trainer.TYPE, n, 1, 1, 1).assign(0);
			for (int i = 0; i < n; i++) {
				alpha.putScalar(i, state.penaltyRng().nextDouble());
			}
			INDArray mixed = realIn.mul(alpha).addi(fakeIn.mul(alpha.rsub(1)));
			double gp = penalty.applyWassersteinPenalty(d, mixed, labels, spec.gpWeight(),
					GradientPenalty.gaussian(state.penaltyRng()));
			stats.add(MetricNames.GP, gp);
			total += gp;
		}
		return total;
	}

	/** @param lastBatch the last D step's real batch (the relativistic loss compares with it) */
	private void generatorStep(BatchStream.Batch lastBatch) throws DivergedException {
		int n = spec.batchSize();
		int[] labels = randomLabels(n);
		Pass gPass = Pass.train();
		INDArray fake = g.forward(latents.sample(n, 0, state.zRng(), Trainer.TYPE), labels, gPass);
		DiffAugment.Plan[] plan = new DiffAugment.Plan[1];
		INDArray fakeIn = augmented(fake, plan);
		Pass dPass = Pass.inputGradientsOnly();
		INDArray f = d.forward(fakeIn, labels, dPass);
		INDArray r = null;
		if (loss.kind() == LossKind.RELATIVISTIC) {
			r = d.forward(augmented(images(lastBatch), null), labels(lastBatch), new Pass(true, false));
		}
		Loss.Value value = loss.generator(r, f);
		INDArray gradImages = d.backward(value.gradFake(), dPass);
		if (plan[0] != null) {
			gradImages = plan[0].backward(gradImages);
		}
		optG.zeroGrad();
		g.backward(gradImages, gPass);
		double total = update(value.loss(), model.generator().orthogonalRegularization(), g.graph(), optG,
				MetricNames.GRAD_NORM_G, "G loss");
		ema.update(state.step());
		stats.add(MetricNames.LOSS_G, total);
		checkWeights();
	}

	/**
	 * The end of a D or G step: the network's orthogonal regularisation added to its loss, a stop on a
	 * non-finite loss before the optimiser spreads it into the weights, then the update.
	 *
	 * @return the loss with the regularisation, as logged
	 */
	private double update(double networkLoss, double beta, Graph graph, Optimizer optimizer, String gradNormKey,
			String where) throws DivergedException {
		double total = networkLoss;
		if (beta > 0) {
			total += OrthogonalRegularization.apply(graph.weights(), beta);
		}
		checkFinite(total, where);
		stats.add(gradNormKey, optimizer.gradNorm());
		optimizer.step();
		return total;
	}

	private void checkFinite(double value, String where) throws DivergedException {
		if (!Double.isFinite(value)) {
			throw new DivergedException(state.step(), where);
		}
	}

	private void checkWeights() throws DivergedException {
		checkParams("G", g.params());
		checkParams("D", d.params());
	}

	private void checkParams(String network, List<Param> params) throws DivergedException {
		for (Param p : params) {
			if (!Double.isFinite(p.value().sumNumber().doubleValue())) {
				throw new DivergedException(state.step(), "weight " + network + "/" + p.name());
			}
		}
	}
}
