package org.ganworkbench.trainer.quality;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.trainer.build.GanBuilder;
import org.ganworkbench.trainer.build.Generator;
import org.ganworkbench.trainer.build.ModelException;
import org.ganworkbench.trainer.nn.Param;
import org.ganworkbench.trainer.run.RunWriter;
import org.ganworkbench.trainer.train.QualitySink;
import org.ganworkbench.trainer.train.TrainingOptions;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Quality events during training, off the step's critical path: at the interval the training thread
 * only copies the EMA generator's tensors; a background thread loads them into its own generator,
 * draws the samples, scores them and appends the event. At most one evaluation waits: a newer
 * snapshot replaces a waiting one, so a slow evaluation never makes training wait.
 * <p>
 * The evaluator (and with it, on a dataset's first run, the feature network's training) is prepared
 * by {@link #prepare()} before the first step. With the network trained on this thread while the run
 * trained, both full test runs of 2026-12-02 aborted in malloc; the cause was the singular-value
 * monitor's LAPACK call, which could lose its matrix to a garbage collection (SingularValues), made
 * likelier by this thread's allocations. The threads share no ND4J array but the EMA copy handed over
 * here; NativeStress (trainer tests) runs their work side by side against the same work done alone.
 */
public final class QualityMonitor implements QualitySink, AutoCloseable {

	private static final long CLOSE_WAIT_MINUTES = 10;

	private final GanModel model;
	private final Generator generator;
	private final RunWriter writer;
	private final int samples;
	private final long seed;
	private final Consumer<String> log;
	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "gan-quality");
		thread.setDaemon(true);
		return thread;
	});
	private final AtomicBoolean stopRequested = new AtomicBoolean();
	private final Preparation preparation;
	private final long startStep;
	/** Null until prepared, or when it could not be made; read on the quality thread. */
	private volatile QualityEvaluator evaluator;
	/** The newest evaluation submitted; null before the first. */
	private Queued waiting;

	/**
	 * A monitor whose evaluator {@link #prepare()} makes.
	 *
	 * @param step the run's step now, for the warning written when the evaluator cannot be made
	 */
	public QualityMonitor(GanModel model, Preparation preparation, RunWriter writer, int samples, long seed, long step,
			Consumer<String> log) throws ModelException {
		this.model = model;
		this.generator = GanBuilder.generator(model, seed, DataType.FLOAT);
		this.writer = writer;
		this.samples = samples;
		this.seed = seed;
		this.log = log;
		this.preparation = preparation;
		this.startStep = step;
	}

	/** Makes the evaluator; may ask {@code stopRequested} to end a long preparation early. */
	@FunctionalInterface
	public interface Preparation {
		QualityEvaluator prepare(BooleanSupplier stopRequested) throws IOException;
	}

	/**
	 * A monitor whose evaluator loads or trains the dataset's feature network (from the default
	 * cache) and picks the real reference images.
	 */
	public static QualityMonitor open(TrainingOptions options, RunWriter writer, long step, Consumer<String> log)
			throws ModelException {
		Preparation preparation = stop -> {
			FeatureCache cache = new FeatureCache(FeatureCache.defaultDirectory(), FeatureCache.DEFAULT_BUDGET, log, stop);
			TrainedFeatureNet net = cache.forDataset(options.dataset(), 0);
			return QualityEvaluator.forDataset(net, options.dataset(), QualityEvaluator.DEFAULT_SAMPLES, options.seed());
		};
		return new QualityMonitor(options.model(), preparation, writer, QualityEvaluator.DEFAULT_SAMPLES, options.seed(),
				step, log);
	}

	/**
	 * Makes the evaluator on the calling thread (a minute or two when a feature network must be
	 * trained; {@link #requestStop()} ends that early). A failure costs the quality events, not the
	 * run: it is logged and written as a warning.
	 */
	public void prepare() {
		try {
			evaluator = preparation.prepare(stopRequested::get);
		} catch (CancellationException e) {
			log.accept(e.getMessage());
		} catch (IOException | RuntimeException e) {
			log.accept("quality metrics are off: " + e);
			warn(startStep, "quality metrics are off: " + e.getMessage());
		}
	}

	/**
	 * A queued evaluation and the copy of the EMA tensors it owns. Whoever claims it first, the
	 * quality thread to evaluate it or the training thread to replace it, frees the copy: a
	 * cancelled Future could not say that (cancel(false) also succeeds once the task has begun, and
	 * the copy was freed under the evaluation reading it).
	 */
	private record Queued(List<INDArray> snapshot, AtomicBoolean claimed) {
	}

	/** Called by the training thread: snapshots the EMA generator and queues its evaluation. */
	@Override
	public synchronized void submit(long step, List<Param> emaParams) {
		List<INDArray> snapshot = new ArrayList<>(emaParams.size());
		for (Param p : emaParams) {
			snapshot.add(p.value().dup());
		}
		if (waiting != null && waiting.claimed().compareAndSet(false, true)) {
			waiting.snapshot().forEach(INDArray::close);
			log.accept("quality: an evaluation was still waiting; step " + step + " replaces it");
		}
		if (evaluator != null) {
			// the step's checkpoint may turn out the best: it stays until its quality event
			writer.qualityQueued(step);
		}
		Queued queued = new Queued(snapshot, new AtomicBoolean());
		waiting = queued;
		executor.submit(() -> {
			if (queued.claimed().compareAndSet(false, true)) {
				evaluate(step, snapshot);
			}
		});
	}

	private void evaluate(long step, List<INDArray> snapshot) {
		if (evaluator == null || stopRequested.get()) {
			// no evaluator (the warning said why) or the run stopped: drop the snapshot
			snapshot.forEach(INDArray::close);
			return;
		}
		long start = System.nanoTime();
		try {
			List<Param> params = generator.params();
			for (int i = 0; i < params.size(); i++) {
				params.get(i).value().assign(snapshot.get(i));
				snapshot.get(i).close();
			}
			INDArray images = GeneratedImages.of(generator, model, samples, seed);
			QualityReport report = evaluator.evaluate(images);
			images.close();
			Map<String, Object> fields = report.fields(evaluator.featureNet());
			fields.put("seconds", (System.nanoTime() - start) / 1e9);
			writer.quality(step, fields);
		} catch (IOException | RuntimeException | Error e) {
			log.accept("quality: evaluation at step " + step + " failed: " + e);
			warn(step, "quality evaluation failed: " + e.getMessage());
		}
	}

	private void warn(long step, String message) {
		try {
			writer.warning(step, "quality", message, Map.of());
		} catch (IOException ignored) {
			// the log is gone too: the console line written before is all we can do
		}
	}

	/**
	 * For a run that stopped early: a waiting evaluation is dropped; an evaluation under way still
	 * ends with its event.
	 */
	public void cancel() {
		requestStop();
		close();
	}

	/**
	 * Without waiting, for a shutdown hook: a feature network in training stops between two of its
	 * steps (and is not stored), and evaluations not yet started are dropped.
	 */
	public void requestStop() {
		stopRequested.set(true);
	}

	/** Waits for the queued evaluations (the last step's among them), then stops the thread. */
	@Override
	public void close() {
		executor.shutdown();
		try {
			if (!executor.awaitTermination(CLOSE_WAIT_MINUTES, TimeUnit.MINUTES)) {
				log.accept(String.format(Locale.ROOT, "quality: evaluation still running after %d minutes; abandoned",
						CLOSE_WAIT_MINUTES));
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
