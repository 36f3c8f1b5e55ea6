package org.ganworkbench.core.runs.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ganworkbench.core.runs.series.Series;

/**
 * What the views show of one run at one moment: immutable, so a background job makes it and the UI
 * thread reads it without locks.
 */
public final class RunSnapshot {

	public static final RunSnapshot EMPTY = new RunSnapshot(null, null, 0, Map.of(), List.of(), List.of(), List.of(),
			List.of(), null);

	private final String runName;
	private final Path root;
	private final long lastStep;
	private final Map<String, Series> metrics;
	private final List<LayerSigma> layers;
	private final List<SampleEntry> samples;
	private final List<RunWarning> warnings;
	private final List<Long> checkpoints;
	private final long[] sampleSteps;
	private final QualityCoverage coverage;

	RunSnapshot(String runName, Path root, long lastStep, Map<String, Series> metrics, List<LayerSigma> layers,
			List<SampleEntry> samples, List<RunWarning> warnings, List<Long> checkpoints, QualityCoverage coverage) {
		this.runName = runName;
		this.root = root;
		this.lastStep = lastStep;
		this.metrics = metrics;
		this.layers = layers;
		this.samples = samples;
		this.warnings = warnings;
		this.checkpoints = checkpoints;
		this.sampleSteps = samples.stream().mapToLong(SampleEntry::step).distinct().sorted().toArray();
		this.coverage = coverage;
	}

	/** The run directory's name, or null for no run. */
	public String runName() {
		return runName;
	}

	public Path root() {
		return root;
	}

	public long lastStep() {
		return lastStep;
	}

	/** Metric name (as the trainer writes it, e.g. "loss_d") to its values; in first-seen order. */
	public Map<String, Series> metrics() {
		return metrics;
	}

	public Series metric(String name) {
		return metrics.getOrDefault(name, Series.EMPTY);
	}

	/** G's layers first, then D's, each in the trainer's order. */
	public List<LayerSigma> layers() {
		return layers;
	}

	public List<SampleEntry> samples() {
		return samples;
	}

	public List<RunWarning> warnings() {
		return warnings;
	}

	/** The class coverage of the latest quality event, null without one (or for unlabelled data). */
	public QualityCoverage coverage() {
		return coverage;
	}

	public List<Long> checkpointSteps() {
		return checkpoints;
	}

	/** The steps at which samples were written, ascending, each once. */
	public long[] sampleSteps() {
		return sampleSteps.clone();
	}

	public int sampleStepCount() {
		return sampleSteps.length;
	}

	public long sampleStep(int index) {
		return sampleSteps[index];
	}

	/** The index of the sample step nearest to a step (the earlier one on a tie), or -1 without samples. */
	public int nearestSampleIndex(long step) {
		return nearestIndex(sampleSteps, step);
	}

	/** The index of the step in an ascending array nearest to a step (the earlier one on a tie), or -1 if empty. */
	public static int nearestIndex(long[] ascending, long step) {
		if (ascending.length == 0) {
			return -1;
		}
		int found = Arrays.binarySearch(ascending, step);
		if (found >= 0) {
			return found;
		}
		int after = -found - 1;
		if (after == 0) {
			return 0;
		}
		if (after == ascending.length) {
			return after - 1;
		}
		return step - ascending[after - 1] <= ascending[after] - step ? after - 1 : after;
	}

	/** The samples of one step, in the order written (one per truncation). */
	public List<SampleEntry> samplesAt(long step) {
		List<SampleEntry> result = new ArrayList<>();
		for (SampleEntry sample : samples) {
			if (sample.step() == step) {
				result.add(sample);
			}
		}
		return result;
	}
}
