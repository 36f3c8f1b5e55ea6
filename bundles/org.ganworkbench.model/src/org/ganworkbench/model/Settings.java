package org.ganworkbench.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ganworkbench.model.syntax.PropertyNode;

/**
 * The valid key/value pairs of one block, decoded: numbers as {@link Double}, names and strings as
 * {@link String}, booleans, lists as {@link List}. Invalid values are reported and left out, so
 * getters fall back to defaults and a half-broken file still yields a usable model.
 */
final class Settings {

	static final Settings EMPTY = new Settings();

	/** Every key the file sets, in file order; a rejected value is kept as a null value. */
	private Map<String, Written> entries = Map.of();

	/** Records that the file sets {@code key}, so no "missing key" follows a rejected value. */
	void written(PropertyNode node) {
		entries().putIfAbsent(node.key(), new Written(node, null));
	}

	boolean isWritten(String key) {
		return entries.containsKey(key);
	}

	void put(PropertyNode node, Object value) {
		entries().put(node.key(), new Written(node, value));
	}

	/** Most blocks set nothing or little: the map is made on the first key. */
	private Map<String, Written> entries() {
		if (entries.isEmpty()) {
			entries = new LinkedHashMap<>(4);
		}
		return entries;
	}

	boolean has(String key) {
		return raw(key) != null;
	}

	/** The node that gave {@code key} its value, to point problems at; null when defaulted. */
	PropertyNode node(String key) {
		Written written = entries.get(key);
		return written == null || written.value() == null ? null : written.node();
	}

	Object raw(String key) {
		Written written = entries.get(key);
		return written == null ? null : written.value();
	}

	Map<String, Object> all() {
		Map<String, Object> values = new LinkedHashMap<>();
		entries.forEach((key, written) -> {
			if (written.value() != null) {
				values.put(key, written.value());
			}
		});
		return Collections.unmodifiableMap(values);
	}

	int intValue(String key, int fallback) {
		return raw(key) instanceof Double d ? (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, d)) : fallback;
	}

	long longValue(String key, long fallback) {
		return raw(key) instanceof Double d ? d.longValue() : fallback;
	}

	double doubleValue(String key, double fallback) {
		return raw(key) instanceof Double d ? d : fallback;
	}

	boolean boolValue(String key, boolean fallback) {
		return raw(key) instanceof Boolean b ? b : fallback;
	}

	String stringValue(String key, String fallback) {
		return raw(key) instanceof String s ? s : fallback;
	}

	@SuppressWarnings("unchecked")
	<T> List<T> listValue(String key) {
		return raw(key) instanceof List<?> l ? (List<T>) l : List.of();
	}

	private record Written(PropertyNode node, Object value) {
	}
}
