package org.ganworkbench.trainer.quality;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.trainer.build.GanBuilder;
import org.ganworkbench.trainer.build.Generator;
import org.ganworkbench.trainer.build.ModelException;
import org.ganworkbench.trainer.nn.Param;
import org.ganworkbench.trainer.run.RunWriter;
import org.ganworkbench.trainer.train.TrainingOptions;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Quality events during training, off the step's critical path: at the interval the training thread
 * only copies the EMA generator's tensors; a background thread loads them into its own generator,
 * draws the samples, scores them and appends the event. At most one evaluation waits: a newer
 * snapshot replaces a waiting one, so a slow evaluation never makes training wait.
 */
public final class QualityMonitor implements AutoCloseable {

	private static final long CLOSE_WAIT_MINUTES = 10;

	private final GanModel model;
	private final Generator generator;
	private final QualityEvaluator evaluator;
	private final RunWriter writer;
	private final int samples;
	private final long seed;
	private final Consumer<String> log;
	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "gan-quality");
		thread.setDaemon(true);
		return thread;
	});
	private Future<?> waiting;
	private AtomicBoolean waitingStarted;

	public QualityMonitor(GanModel model, QualityEvaluator evaluator, RunWriter writer, int samples, long seed,
			Consumer<String> log) throws ModelException {
		this.model = model;
		this.generator = GanBuilder.generator(model, seed, DataType.FLOAT);
		this.evaluator = evaluator;
		this.writer = writer;
		this.samples = samples;
		this.seed = seed;
		this.log = log;
	}

	/** Loads or trains the dataset's feature network, and picks the real reference images. */
	public static QualityMonitor open(TrainingOptions options, RunWriter writer, Consumer<String> log)
			throws IOException, ModelException {
		FeatureCache cache = new FeatureCache(FeatureCache.defaultDirectory(), FeatureCache.DEFAULT_BUDGET, log);
		TrainedFeatureNet net = cache.forDataset(options.dataset(), 0);
		QualityEvaluator evaluator = QualityEvaluator.forDataset(net, options.dataset(), QualityEvaluator.DEFAULT_SAMPLES,
				options.seed());
		return new QualityMonitor(options.model(), evaluator, writer, QualityEvaluator.DEFAULT_SAMPLES, options.seed(), log);
	}

	/** Called by the training thread: snapshots the EMA generator and queues its evaluation. */
	public synchronized void submit(long step, List<Param> emaParams) {
		List<INDArray> snapshot = new ArrayList<>(emaParams.size());
		for (Param p : emaParams) {
			snapshot.add(p.value().dup());
		}
		if (waiting != null && !waitingStarted.get() && waiting.cancel(false)) {
			log.accept("quality: an evaluation was still waiting; step " + step + " replaces it");
		}
		AtomicBoolean started = new AtomicBoolean();
		waitingStarted = started;
		waiting = executor.submit(() -> {
			started.set(true);
			evaluate(step, snapshot);
		});
	}

	private void evaluate(long step, List<INDArray> snapshot) {
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
		} catch (IOException | RuntimeException e) {
			log.accept("quality: evaluation at step " + step + " failed: " + e);
			try {
				writer.warning(step, "quality", "quality evaluation failed: " + e.getMessage(), Map.of());
			} catch (IOException ignored) {
				// the log is gone too: the console line above is all we can do
			}
		}
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
