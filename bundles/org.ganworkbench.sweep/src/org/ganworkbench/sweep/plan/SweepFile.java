package org.ganworkbench.sweep.plan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.run.AtomicFile;
import org.ganworkbench.model.run.SweepSummary;
import org.ganworkbench.model.sweep.SweepDimension;
import org.ganworkbench.model.sweep.SweepSpec;

/**
 * sweep.json, the sweep directory's one file of its own (docs/sweeps.md): the space, each trial's values,
 * state and best objective, and the best trial. Every trial is an ordinary run directory beside it.
 * Written whole and atomically, so a reader never sees half of it.
 */
public final class SweepFile {

	public static final String NAME = SweepSummary.FILE;
	public static final int FORMAT = 1;

	private SweepFile() {
	}

	public static void write(Path directory, String model, SweepSpec sweep, String master, List<TrialRecord> records)
			throws IOException {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("format", FORMAT);
		root.put("model", model);
		root.put("objective", sweep.objective());
		root.put("maximize", sweep.maximize());
		root.put("halving", sweep.halving());
		root.put("parallel", sweep.parallel());
		root.put("master", master);
		List<Object> space = new ArrayList<>();
		for (SweepDimension d : sweep.dimensions()) {
			Map<String, Object> dimension = new LinkedHashMap<>();
			dimension.put("path", d.path());
			if (d.isGrid()) {
				dimension.put("values", d.values());
			} else {
				dimension.put("min", d.min());
				dimension.put("max", d.max());
				dimension.put("scale", d.log() ? "log" : "linear");
			}
			space.add(dimension);
		}
		root.put("space", space);
		root.put("seeds", sweep.seeds());
		List<Object> trials = new ArrayList<>();
		for (TrialRecord record : records) {
			Map<String, Object> trial = new LinkedHashMap<>();
			trial.put("index", record.trial().index());
			trial.put("name", record.trial().name());
			trial.put("values", record.trial().values());
			trial.put("seed", record.trial().seed());
			trial.put("state", record.state());
			trial.put("step", record.step());
			trial.put("objective", record.objective());
			if (record.message() != null) {
				trial.put("message", record.message());
			}
			trials.add(trial);
		}
		TrialRecord best = best(records, sweep);
		root.put("trials", trials);
		root.put("best", best == null ? null : best.trial().name());
		AtomicFile.writeString(directory.resolve(NAME), Json.write(root) + "\n");
	}

	/** The trial with the best objective logged so far, or null before any has one. */
	public static TrialRecord best(List<TrialRecord> records, SweepSpec sweep) {
		TrialRecord best = null;
		for (TrialRecord record : records) {
			if (record.objective() != null && (best == null || sweep.better(record.objective(), best.objective()))) {
				best = record;
			}
		}
		return best;
	}

	/** The trials' states as a sweep.json in {@code directory} recorded them, by trial name; empty without one. */
	public static Map<String, String> states(Path directory) throws IOException {
		try {
			SweepSummary summary = SweepSummary.read(directory);
			return summary == null ? Map.of() : summary.states();
		} catch (IOException e) {
			throw new IOException(e.getMessage() + "; move it away to start the sweep afresh", e);
		}
	}
}
