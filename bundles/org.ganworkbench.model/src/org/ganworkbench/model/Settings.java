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

	private final Map<String, Object> values = new LinkedHashMap<>();
	private final Map<String, PropertyNode> nodes = new LinkedHashMap<>();

	private final java.util.Set<String> written = new java.util.HashSet<>();

	/** Records that the file sets {@code key}, valid or not, so no "missing key" follows a wrong value. */
	void written(String key) {
		written.add(key);
	}

	boolean isWritten(String key) {
		return written.contains(key);
	}

	void put(PropertyNode node, Object value) {
		values.put(node.key(), value);
		nodes.put(node.key(), node);
	}

	boolean has(String key) {
		return values.containsKey(key);
	}

	/** The node that gave {@code key} its value, to point problems at; null when defaulted. */
	PropertyNode node(String key) {
		return nodes.get(key);
	}

	Object raw(String key) {
		return values.get(key);
	}

	Map<String, Object> all() {
		return Collections.unmodifiableMap(values);
	}

	int intValue(String key, int fallback) {
		return values.get(key) instanceof Double d ? (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, d)) : fallback;
	}

	long longValue(String key, long fallback) {
		return values.get(key) instanceof Double d ? d.longValue() : fallback;
	}

	double doubleValue(String key, double fallback) {
		return values.get(key) instanceof Double d ? d : fallback;
	}

	boolean boolValue(String key, boolean fallback) {
		return values.get(key) instanceof Boolean b ? b : fallback;
	}

	String stringValue(String key, String fallback) {
		return values.get(key) instanceof String s ? s : fallback;
	}

	@SuppressWarnings("unchecked")
	<T> List<T> listValue(String key) {
		return values.get(key) instanceof List<?> l ? (List<T>) l : List.of();
	}
}
