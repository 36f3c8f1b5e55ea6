package org.ganworkbench.sweep.plan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.ganworkbench.model.ModelWriter;
import org.ganworkbench.model.sweep.SweepDimension;
import org.ganworkbench.model.sweep.SweepSpec;

/**
 * The trials of a sweep, the same list every time for the same model, so that running a sweep again
 * finds its trials' directories: trial i takes grid combination i (mod the grid's size), the seeds in
 * turn after each pass over the grid, and for each range a value drawn from a generator seeded by the
 * model's seed and i.
 */
public final class SweepPlan {

	private SweepPlan() {
	}

	public static List<Trial> trials(SweepSpec sweep, long modelSeed) {
		List<SweepDimension> grid = sweep.dimensions().stream().filter(SweepDimension::isGrid).toList();
		long gridSize = sweep.gridSize();
		List<Trial> trials = new ArrayList<>();
		for (int i = 0; i < sweep.trials(); i++) {
			Map<String, String> values = new LinkedHashMap<>();
			long combination = i % gridSize;
			// the grid's last dimension varies fastest, as nested loops written in the block's order would
			long rest = combination;
			Map<String, String> gridValues = new LinkedHashMap<>();
			for (int d = grid.size() - 1; d >= 0; d--) {
				SweepDimension dimension = grid.get(d);
				gridValues.put(dimension.path(), dimension.values().get((int) (rest % dimension.values().size())));
				rest /= dimension.values().size();
			}
			SplittableRandom random = new SplittableRandom(modelSeed * 1_000_003L + i);
			for (SweepDimension dimension : sweep.dimensions()) {
				values.put(dimension.path(), dimension.isGrid() ? gridValues.get(dimension.path()) : sample(dimension, random));
			}
			long seed = sweep.seeds().get((int) ((i / gridSize) % sweep.seeds().size()));
			trials.add(new Trial(i, name(i, values, seed, sweep.seeds().size() > 1), values, seed));
		}
		return trials;
	}

	/** The swept model's text with the trial's values set; the sweep block stays, the trainer ignores it. */
	public static String modelText(String sweptModel, Trial trial) {
		String text = sweptModel;
		for (Map.Entry<String, String> value : trial.values().entrySet()) {
			text = ModelWriter.set(text, value.getKey(), value.getValue());
		}
		return ModelWriter.set(text, "training.seed", Long.toString(trial.seed()));
	}

	private static String sample(SweepDimension dimension, SplittableRandom random) {
		double u = random.nextDouble();
		double value = dimension.log()
				? Math.exp(Math.log(dimension.min()) + u * (Math.log(dimension.max()) - Math.log(dimension.min())))
				: dimension.min() + u * (dimension.max() - dimension.min());
		if (dimension.integer()) {
			return Long.toString(Math.round(value));
		}
		// four significant digits, as the model format writes a number ("1.0e-5", "0.0123")
		double rounded = new BigDecimal(value).round(new MathContext(4)).doubleValue();
		return Double.toString(rounded).toLowerCase(Locale.ROOT);
	}

	/** "t03-lr=0.001-units=32-seed=2": the index first, so that names sort in trial order. */
	static String name(int index, Map<String, String> values, long seed, boolean withSeed) {
		StringBuilder name = new StringBuilder(String.format(Locale.ROOT, "t%02d", index));
		for (Map.Entry<String, String> value : values.entrySet()) {
			String path = value.getKey();
			name.append('-').append(path.substring(path.lastIndexOf('.') + 1)).append('=').append(value.getValue());
		}
		if (withSeed) {
			name.append("-seed=").append(seed);
		}
		// a directory name on any file system: no separators, quotes or spaces, and not too long
		String safe = name.toString().replaceAll("[^A-Za-z0-9._=+-]", "_");
		return safe.length() > 100 ? safe.substring(0, 100) : safe;
	}
}
