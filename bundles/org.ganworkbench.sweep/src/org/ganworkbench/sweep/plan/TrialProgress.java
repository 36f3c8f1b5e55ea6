package org.ganworkbench.sweep.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;

/**
 * What a trial's run directory says so far: the last step logged, the last status word (null before
 * any), and the objective metric by step, from {@code metrics} or {@code quality} events alike. A half
 * written last line is not an error: the reader leaves it for the next look.
 */
public record TrialProgress(long lastStep, String status, String message, NavigableMap<Long, Double> objective) {

	public static final TrialProgress NONE = new TrialProgress(0, null, null, Collections.emptyNavigableMap());

	public static TrialProgress read(RunDirectory run, String objectiveName) throws IOException {
		if (!Files.isRegularFile(run.events())) {
			return NONE;
		}
		long last = 0;
		String status = null;
		String message = null;
		NavigableMap<Long, Double> objective = new TreeMap<>();
		for (RunEvent event : run.readEvents()) {
			last = Math.max(last, event.step());
			if (RunEvent.STATUS.equals(event.type())) {
				status = String.valueOf(event.fields().get("state"));
				message = event.fields().get("message") instanceof String text ? text : null;
			} else if (RunEvent.METRICS.equals(event.type()) || RunEvent.QUALITY.equals(event.type())) {
				Object value = event.fields().get(objectiveName);
				if (value == null && event.fields().get("values") instanceof Map<?, ?> values) {
					value = values.get(objectiveName); // metrics events hold their numbers in "values"
				}
				if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
					objective.put(event.step(), number.doubleValue());
				}
			}
		}
		return new TrialProgress(last, status, message, objective);
	}

	/** The best objective logged, or null. */
	public Double best(boolean maximize) {
		Double best = null;
		for (double value : objective.values()) {
			if (best == null || (maximize ? value > best : value < best)) {
				best = value;
			}
		}
		return best;
	}
}
