package org.ganworkbench.model.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ganworkbench.model.json.Json;

/**
 * What a sweep directory's sweep.json says (docs/sweeps.md), for readers of runs: the objective, each
 * trial's state by its run directory's name, and the best trial. The trials themselves are ordinary
 * run directories beside the file.
 */
public record SweepSummary(String objective, Map<String, String> states, String best, Double bestObjective) {

	public static final String FILE = "sweep.json";

	public SweepSummary {
		states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
	}

	/** The sweep.json in {@code directory}; null when there is none. */
	public static SweepSummary read(Path directory) throws IOException {
		Path file = directory.resolve(FILE);
		if (!Files.isRegularFile(file)) {
			return null;
		}
		Map<String, Object> root;
		try {
			root = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
		} catch (Json.JsonException e) {
			throw new IOException(file + " is damaged: " + e.getMessage(), e);
		}
		Map<String, String> states = new LinkedHashMap<>();
		Double bestObjective = null;
		String best = root.get("best") instanceof String name ? name : null;
		if (root.get("trials") instanceof List<?> trials) {
			for (Object item : trials) {
				if (item instanceof Map<?, ?> trial && trial.get("name") instanceof String name
						&& trial.get("state") instanceof String state) {
					states.put(name, state);
					if (name.equals(best) && trial.get("objective") instanceof Number value) {
						bestObjective = value.doubleValue();
					}
				}
			}
		}
		return new SweepSummary(Json.string(root.get("objective")), states, best, bestObjective);
	}

	/** How many trials are in {@code state} ("running", "finished", "pruned", ...). */
	public long count(String state) {
		return states.values().stream().filter(state::equals).count();
	}
}
