package org.ganworkbench.trainer.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.TrainingSpec;
import org.ganworkbench.trainer.build.Discriminator;
import org.ganworkbench.trainer.build.GanBuilder;
import org.ganworkbench.trainer.build.Generator;
import org.ganworkbench.trainer.build.ModelException;
import org.ganworkbench.trainer.data.BatchStream;
import org.ganworkbench.trainer.nn.CustomModule;
import org.ganworkbench.trainer.run.Checkpoint;
import org.ganworkbench.trainer.run.RunWriter;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The training loop: n D steps per G step with the model's loss, regularisers and augmentation; EMA
 * of G; metrics, singular values, samples and checkpoints at the model's intervals. All randomness
 * comes from seeded generators whose states are checkpointed, so a resumed run continues exactly.
 * The step maths is in {@link GanStep}, what is written between steps in {@link MonitoringSchedule}
 * and what a checkpoint holds in {@link TrainingState}; this class wires them and runs the loop.
 */
public final class Trainer {

	static final DataType TYPE = DataType.FLOAT;

	private final TrainingOptions options;
	private final Generator gEma;
	private final LatentSampler latents;
	private final NativeMemoryBudget memory = NativeMemoryBudget.fromSystemProperties();
	private final TrainingState state;
	private final GanStep gan;
	private final MonitoringSchedule monitoring;
	private volatile boolean stopRequested;

	public Trainer(TrainingOptions options, RunWriter writer) throws ModelException {
		IntervalStats stats = new IntervalStats(); // the first interval's clock starts with the trainer
		this.options = options;
		GanModel model = options.model();
		TrainingSpec spec = model.training();
		long seed = options.seed();
		Generator g = GanBuilder.generator(model, seed, TYPE);
		this.gEma = GanBuilder.generator(model, seed, TYPE);
		Discriminator d = GanBuilder.discriminator(model, seed, TYPE);
		Optimizer optG = new Optimizer(spec.gOptimizer(), g.params());
		Optimizer optD = new Optimizer(spec.dOptimizer(), d.params());
		this.latents = new LatentSampler(model.latent());
		List<CustomModule> customModules = new ArrayList<>();
		customModules.addAll(g.graph().modules(CustomModule.class));
		customModules.addAll(d.graph().modules(CustomModule.class));
		this.state = new TrainingState(seed, model.name(), spec.augment().probability(), g, gEma, d, optG, optD,
				customModules);
		this.gan = new GanStep(options, g, gEma, d, optG, optD, latents, stats, state);
		this.monitoring = new MonitoringSchedule(options, writer, g, gEma, d, stats, state);
	}

	public void setProgressListener(ProgressListener listener) {
		monitoring.setProgressListener(listener);
	}

	/** Sample-quality evaluation of the EMA generator at the quality interval; null for none. */
	public void setQualitySink(QualitySink sink) {
		monitoring.setQualitySink(sink);
	}

	/** Asks the loop to stop after the current step (from a shutdown hook or another thread). */
	public void requestStop() {
		stopRequested = true;
	}

	public long step() {
		return state.step();
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
		return monitoring.timings();
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
		int batch = options.model().training().batchSize();
		try (BatchStream stream = new BatchStream(options.dataset(), batch, options.seed(), state.dataPosition())) {
			while (state.step() < Math.min(target, options.steps())) {
				if (stopRequested) {
					return false;
				}
				trainStep(stream);
			}
		}
		return true;
	}

	/** One step and what is written after it (the debugger test looks for this frame). */
	private void trainStep(BatchStream stream) throws IOException, InterruptedException, DivergedException {
		long start = System.nanoTime();
		gan.run(stream);
		monitoring.stepTook(System.nanoTime() - start);
		state.dataPosition(stream.position());
		memory.afterStep();
		monitoring.afterStep();
	}

	public Checkpoint checkpoint() {
		return state.checkpoint();
	}

	public void restore(Checkpoint checkpoint) throws IOException {
		state.restore(checkpoint);
	}

	/** The EMA generator, for sampling from a checkpoint. */
	public Generator emaGenerator() {
		return gEma;
	}

	public LatentSampler latents() {
		return latents;
	}
}
