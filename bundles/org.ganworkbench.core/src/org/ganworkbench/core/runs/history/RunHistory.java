package org.ganworkbench.core.runs.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.osgi.util.NLS;
import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.run.MetricNames;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.core.runs.series.Series;

/**
 * Collects the events of one run into series, samples and warnings, and makes a new
 * {@link RunSnapshot} after each batch. Called from the run monitor's background job; events already
 * seen (by their line in the log) are skipped, so a batch may overlap the previous one.
 */
public final class RunHistory {

	/** sigma0 more than this many times its smallest value over the last readings is exploding. */
	public static final double EXPLOSION_FACTOR = 3;
	/** How many sigma readings the growth is measured over. */
	public static final int EXPLOSION_WINDOW = 5;

	private static final String NETWORK_G = "G"; //$NON-NLS-1$
	/** Metric-series names of the quality event's numbers: "quality/fd" and so on. */
	public static final String QUALITY_PREFIX = "quality/"; //$NON-NLS-1$

	private final String runName;
	private final Path root;
	private int lastLine;
	private long lastStep;
	private final Map<String, SeriesBuilder> metrics = new LinkedHashMap<>();
	private final Map<String, LayerBuilder> layers = new LinkedHashMap<>();
	private final List<SampleEntry> samples = new ArrayList<>();
	private final List<RunWarning> warnings = new ArrayList<>();
	private final List<Long> checkpoints = new ArrayList<>();
	private final Set<String> reportedNotFinite = new HashSet<>();
	private final Map<String, Long> layerWarnings = new HashMap<>();
	private QualityCoverage coverage;
	private volatile RunSnapshot snapshot;

	public RunHistory(String runName, Path root) {
		this.runName = runName;
		this.root = root;
		this.snapshot = build();
	}

	/** The latest snapshot; never null. */
	public RunSnapshot snapshot() {
		return snapshot;
	}

	/** Adds the events not seen yet; true when anything was added. */
	public synchronized boolean add(List<RunEvent> events) {
		boolean changed = false;
		for (RunEvent event : events) {
			if (event.line() <= lastLine) {
				continue;
			}
			lastLine = event.line();
			lastStep = Math.max(lastStep, event.step());
			changed = true;
			switch (event.type()) {
			case RunEvent.METRICS -> addMetrics(event);
			case RunEvent.SIGMA -> addSigma(event);
			case RunEvent.SAMPLE -> addSample(event);
			case RunEvent.CHECKPOINT -> checkpoints.add(event.step());
			case RunEvent.CHECKPOINT_DELETED -> checkpoints.remove(Long.valueOf(event.step()));
			case RunEvent.WARNING -> addWarning(event);
			case RunEvent.STATUS -> addStatus(event);
			case RunEvent.QUALITY -> addQuality(event);
			default -> {
				// A newer trainer's event: nothing to show yet.
			}
			}
		}
		if (changed) {
			snapshot = build();
		}
		return changed;
	}

	private void addMetrics(RunEvent event) {
		for (Map.Entry<String, Object> entry : event.object("values").entrySet()) { //$NON-NLS-1$
			double value = Json.number(entry.getValue(), Double.NaN);
			metrics.computeIfAbsent(entry.getKey(), k -> new SeriesBuilder()).add(event.step(), value);
			if (!Double.isFinite(value) && reportedNotFinite.add(entry.getKey())) {
				warnings.add(new RunWarning(event.step(), RunWarning.KIND_NOT_FINITE,
						NLS.bind(Messages.RunHistory_notFinite, new Object[] { entry.getKey(), value, event.step() }),
						null));
			}
		}
	}

	@SuppressWarnings("unchecked")
	private void addSigma(RunEvent event) {
		for (Object item : event.list("layers")) { //$NON-NLS-1$
			if (!(item instanceof Map)) {
				continue;
			}
			Map<String, Object> fields = (Map<String, Object>) item;
			Object network = fields.get("network"); //$NON-NLS-1$
			Object layer = fields.get("layer"); //$NON-NLS-1$
			if (network == null || layer == null) {
				continue;
			}
			String key = LayerSigma.key(network.toString(), layer.toString());
			LayerBuilder builder = layers.computeIfAbsent(key,
					k -> new LayerBuilder(network.toString(), layer.toString()));
			builder.spectralNorm = Boolean.TRUE.equals(fields.get("spectral_norm")); //$NON-NLS-1$
			Object sigma = fields.get("sigma"); //$NON-NLS-1$
			List<Object> values = sigma instanceof List ? (List<Object>) sigma : List.of(sigma);
			builder.add(event.step(), values);
			double sigma0 = values.isEmpty() ? Double.NaN : Json.number(values.get(0), Double.NaN);
			if (!Double.isFinite(sigma0) && reportedNotFinite.add(key)) {
				warnings.add(new RunWarning(event.step(), RunWarning.KIND_NOT_FINITE,
						NLS.bind(Messages.RunHistory_sigmaNotFinite, new Object[] { key, sigma0, event.step() }), key));
			}
		}
	}

	private void addSample(RunEvent event) {
		String file = event.text("file"); //$NON-NLS-1$
		if (file == null) {
			return;
		}
		double truncation = event.number("truncation"); //$NON-NLS-1$
		samples.add(new SampleEntry(event.step(), Double.isNaN(truncation) ? 0 : truncation, root.resolve(file)));
	}

	private void addWarning(RunEvent event) {
		String network = event.text("network"); //$NON-NLS-1$
		String layer = event.text("layer"); //$NON-NLS-1$
		String key = network != null && layer != null ? LayerSigma.key(network, layer) : null;
		if (key != null) {
			layerWarnings.put(key, event.step());
		}
		String kind = event.text("kind"); //$NON-NLS-1$
		String message = event.text("message"); //$NON-NLS-1$
		warnings.add(new RunWarning(event.step(), kind == null ? "" : kind, message == null ? "" : message, key)); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/**
	 * FD, KID, precision, recall and k-NN coverage become metric series named "quality/..."; the coverage of the
	 * latest event is kept whole.
	 */
	@SuppressWarnings("unchecked")
	private void addQuality(RunEvent event) {
		for (String key : MetricNames.QUALITY) {
			double value = event.number(key);
			if (!Double.isNaN(value)) {
				metrics.computeIfAbsent(QUALITY_PREFIX + key, k -> new SeriesBuilder()).add(event.step(), value);
			}
		}
		Map<String, Object> fields = event.object(MetricNames.COVERAGE);
		if (fields.get("classes") instanceof List<?> classes) { //$NON-NLS-1$
			List<String> names = classes.stream().map(String::valueOf).toList();
			List<Object> dropped = fields.get("dropped") instanceof List<?> l ? (List<Object>) l : List.of(); //$NON-NLS-1$
			Object message = fields.get("message"); //$NON-NLS-1$
			coverage = new QualityCoverage(event.step(), names, counts(fields.get("generated"), names.size()), //$NON-NLS-1$
					counts(fields.get("real"), names.size()), dropped.stream().map(String::valueOf).toList(), //$NON-NLS-1$
					message == null ? "" : message.toString()); //$NON-NLS-1$
		}
	}

	private static int[] counts(Object value, int size) {
		int[] counts = new int[size];
		if (value instanceof List<?> list) {
			for (int i = 0; i < Math.min(size, list.size()); i++) {
				counts[i] = (int) Json.number(list.get(i), 0);
			}
		}
		return counts;
	}

	private void addStatus(RunEvent event) {
		if (RunWarning.KIND_FAILED.equals(event.text("state"))) { //$NON-NLS-1$
			String message = event.text("message"); //$NON-NLS-1$
			warnings.add(new RunWarning(event.step(), RunWarning.KIND_FAILED,
					NLS.bind(Messages.RunHistory_failed, message == null ? "" : message), null)); //$NON-NLS-1$
		}
	}

	private RunSnapshot build() {
		Map<String, Series> metricSeries = new LinkedHashMap<>();
		metrics.forEach((name, builder) -> metricSeries.put(name, builder.build()));
		List<LayerSigma> layerList = new ArrayList<>();
		for (boolean generator : new boolean[] { true, false }) {
			for (LayerBuilder builder : layers.values()) {
				if (NETWORK_G.equals(builder.network) == generator) {
					layerList.add(builder.build(layerWarnings.get(LayerSigma.key(builder.network, builder.layer))));
				}
			}
		}
		return new RunSnapshot(runName, root, lastStep, Collections.unmodifiableMap(metricSeries),
				List.copyOf(layerList), List.copyOf(samples), List.copyOf(warnings), List.copyOf(checkpoints), coverage);
	}

	/**
	 * A growing series. {@link #build()} shares its arrays instead of copying them: it only ever
	 * writes past the size of the series made before, and grows into new arrays.
	 */
	private static final class SeriesBuilder {
		private double[] x = new double[16];
		private double[] y = new double[16];
		private int size;

		void add(double step, double value) {
			if (size == x.length) {
				x = Arrays.copyOf(x, size * 2);
				y = Arrays.copyOf(y, size * 2);
			}
			x[size] = step;
			y[size] = value;
			size++;
		}

		Series build() {
			return new Series(x, y, size);
		}

		double step(int index) {
			return x[index];
		}

		double value(int index) {
			return y[index];
		}
	}

	private static final class LayerBuilder {
		final String network;
		final String layer;
		final List<SeriesBuilder> sigma = new ArrayList<>();
		boolean spectralNorm;

		LayerBuilder(String network, String layer) {
			this.network = network;
			this.layer = layer;
		}

		void add(long step, List<Object> values) {
			for (int i = 0; i < values.size(); i++) {
				if (sigma.size() <= i) {
					sigma.add(new SeriesBuilder());
				}
				sigma.get(i).add(step, Json.number(values.get(i), Double.NaN));
			}
		}

		LayerSigma build(Long warnedAt) {
			List<Series> series = sigma.stream().map(SeriesBuilder::build).toList();
			double growth = growth();
			boolean exploding = growth > EXPLOSION_FACTOR || !Double.isFinite(growth)
					|| warnedAt != null && recent(warnedAt);
			return new LayerSigma(network, layer, series, spectralNorm, growth, exploding);
		}

		/** sigma0 now over its smallest positive value among the readings before it in the window. */
		private double growth() {
			if (sigma.isEmpty() || sigma.get(0).size == 0) {
				return 1;
			}
			SeriesBuilder s0 = sigma.get(0);
			double last = s0.value(s0.size - 1);
			double smallest = Double.POSITIVE_INFINITY;
			for (int i = Math.max(0, s0.size - EXPLOSION_WINDOW); i < s0.size - 1; i++) {
				double value = s0.value(i);
				if (value > 0 && value < smallest) {
					smallest = value;
				}
			}
			if (Double.isNaN(last) || Double.isInfinite(last)) {
				return last;
			}
			return smallest == Double.POSITIVE_INFINITY ? 1 : last / smallest;
		}

		/** A warning of the trainer counts while it is within the window of readings. */
		private boolean recent(long warnedAt) {
			if (sigma.isEmpty() || sigma.get(0).size == 0) {
				return true;
			}
			SeriesBuilder s0 = sigma.get(0);
			return warnedAt >= s0.step(Math.max(0, s0.size - EXPLOSION_WINDOW));
		}
	}
}
