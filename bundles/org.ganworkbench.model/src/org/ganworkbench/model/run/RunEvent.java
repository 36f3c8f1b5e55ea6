package org.ganworkbench.model.run;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.ganworkbench.model.json.Json;

/**
 * One line of a run's event log: a type, the training step it belongs to, and its fields.
 * See docs/run-format.md for the types and their fields.
 */
public record RunEvent(String type, long step, Map<String, Object> fields, int line) {

	public static final String STATUS = "status";
	public static final String METRICS = "metrics";
	public static final String SIGMA = "sigma";
	public static final String SAMPLE = "sample";
	public static final String CHECKPOINT = "checkpoint";
	public static final String CHECKPOINT_DELETED = "checkpoint_deleted";
	public static final String WARNING = "warning";
	public static final String QUALITY = "quality";

	public RunEvent {
		fields = Collections.unmodifiableMap(fields);
	}

	public String text(String key) {
		Object value = fields.get(key);
		return value == null ? null : value.toString();
	}

	public double number(String key) {
		return Json.number(fields.get(key), Double.NaN);
	}

	/** A nested object such as the "values" of a metrics event; empty when absent. */
	@SuppressWarnings("unchecked")
	public Map<String, Object> object(String key) {
		Object value = fields.get(key);
		return value instanceof Map ? (Map<String, Object>) value : Map.of();
	}

	@SuppressWarnings("unchecked")
	public List<Object> list(String key) {
		Object value = fields.get(key);
		return value instanceof List ? (List<Object>) value : List.of();
	}
}
