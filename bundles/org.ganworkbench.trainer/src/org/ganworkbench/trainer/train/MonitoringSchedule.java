package org.ganworkbench.trainer.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.javacpp.Pointer;
import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.run.MetricNames;
import org.ganworkbench.trainer.build.Discriminator;
import org.ganworkbench.trainer.build.Generator;
import org.ganworkbench.trainer.data.ImageDataset;
import org.ganworkbench.trainer.monitor.SingularValues;
import org.ganworkbench.trainer.monitor.Watchdog;
import org.ganworkbench.trainer.nn.Weight;
import org.ganworkbench.trainer.run.ImageGrid;
import org.ganworkbench.trainer.run.RunWriter;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the loop writes after a step, at the model's intervals: metrics, singular values, sample grids,
 * checkpoints and quality evaluations, with the watchdog's warnings and the time each kind took. Apart
 * from the step maths because it only reads the training: the sample grids take their latents from a
 * generator of their own (the same batch at every step), not from the checkpointed ones.
 */
final class MonitoringSchedule {

	/** Every run logs these grids, so runs compare; a model's own training.truncation adds one. */
	private static final double[] SAMPLE_TRUNCATIONS = { 0, 1.0, 0.5 };
	/** Real images the grids' diversity is compared with. */
	private static final int SAMPLE_COUNT = SampleGrids.COUNT;

	private final TrainingOptions options;
	private final GanModel model;
	private final RunWriter writer;
	private final Generator g;
	private final Generator gEma;
	private final Discriminator d;
	private final IntervalStats stats;
	private final TrainingState state;
	private final Watchdog watchdog;
	private final Trainer.Timings timings = new Trainer.Timings();
	private final double[] sampleTruncations;
	private final SampleGrids grids;
	private ProgressListener progress = (s, last, ips, ld, lg) -> {
	};
	private QualitySink quality;

	MonitoringSchedule(TrainingOptions options, RunWriter writer, Generator g, Generator gEma, Discriminator d,
			IntervalStats stats, TrainingState state) {
		this.options = options;
		this.model = options.model();
		this.writer = writer;
		this.g = g;
		this.gEma = gEma;
		this.d = d;
		this.stats = stats;
		this.state = state;
		this.watchdog = new Watchdog(writer);
		this.sampleTruncations = sampleTruncations(model.training().truncation());
		this.grids = new SampleGrids(model, options.seed());
	}

	/** The logged grids' truncations: the three of every run, then the model's own when it sets another. */
	static double[] sampleTruncations(double own) {
		if (own <= 0 || Arrays.stream(SAMPLE_TRUNCATIONS).anyMatch(t -> t == own)) {
			return SAMPLE_TRUNCATIONS;
		}
		double[] truncations = Arrays.copyOf(SAMPLE_TRUNCATIONS, SAMPLE_TRUNCATIONS.length + 1);
		truncations[SAMPLE_TRUNCATIONS.length] = own;
		return truncations;
	}

	void setProgressListener(ProgressListener listener) {
		this.progress = listener;
	}

	void setQualitySink(QualitySink sink) {
		this.quality = sink;
	}

	Trainer.Timings timings() {
		return timings;
	}

	/** The training step's own time, apart from the monitoring's. */
	void stepTook(long nanos) {
		timings.stepNanos += nanos;
		timings.steps++;
	}

	void afterStep() throws IOException {
		long step = state.step();
		var intervals = model.training().intervals();
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
			writer.checkpoint(state.checkpoint());
		}
		if (quality != null && intervals.quality() > 0 && due(intervals.quality())) {
			// a snapshot of the EMA weights; the monitor's thread does the rest
			quality.submit(step, gEma.params());
		}
	}

	private boolean due(int interval) {
		long step = state.step();
		return interval > 0 && step % interval == 0 || step == options.steps();
	}

	private void writeMetrics() throws IOException {
		Map<String, Double> values = new LinkedHashMap<>(stats.means());
		values.put(MetricNames.IMAGES_PER_SEC, stats.imagesPerSecond());
		values.put(MetricNames.AUG_P, state.augmentP());
		Runtime rt = Runtime.getRuntime();
		values.put(MetricNames.HEAP_MB, (rt.totalMemory() - rt.freeMemory()) / 1048576.0);
		values.put(MetricNames.NATIVE_MB, Pointer.physicalBytes() / 1048576.0);
		writer.metrics(state.step(), values);
		watchdog.rt(state.step(), stats.mean(MetricNames.R_T));
		stats.reset();
	}

	private void writeSigma() throws IOException {
		List<Map<String, Object>> layers = new ArrayList<>();
		addSigma(layers, "G", g.weights());
		addSigma(layers, "D", d.weights());
		writer.sigma(state.step(), layers);
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
			watchdog.sigma(state.step(), network, weight.layer(), sigma[0]);
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
		for (double t : sampleTruncations) {
			INDArray images = grids.images(gEma, t);
			if (first == null) {
				first = images;
			}
			writer.sample(state.step(), t, ImageGrid.of(images, SampleGrids.COLUMNS), SampleGrids.COUNT);
		}
		if (checkDiversity) {
			INDArray real = realReference();
			watchdog.diversity(state.step(), Watchdog.meanPairwiseDistance(first), Watchdog.meanPairwiseDistance(real));
		}
	}

	private INDArray realReference() {
		ImageDataset data = options.dataset();
		int length = data.channels() * data.height() * data.width();
		float[] pixels = new float[SAMPLE_COUNT * length];
		for (int i = 0; i < SAMPLE_COUNT; i++) {
			data.image(i % data.size(), pixels, i * length);
		}
		return Nd4j.create(pixels, new long[] { SAMPLE_COUNT, data.channels(), data.height(), data.width() }, 'c');
	}
}
