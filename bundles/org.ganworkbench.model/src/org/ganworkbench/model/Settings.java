package org.ganworkbench.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
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

	/** Up to this many keys a linear search beats a map; an open block (custom) may have any number. */
	private static final int SCAN_LIMIT = 8;

	/**
	 * Every key the file sets, in file order, and its value (null when rejected): two small arrays
	 * made on the first key rather than a map per block, as a file may hold 400,000 layers.
	 */
	private PropertyNode[] nodes;
	private Object[] values;
	private int size;
	/** Index of each key, made only when a block has more than {@link #SCAN_LIMIT} keys. */
	private Map<String, Integer> index;

	/** Records that the file sets {@code key}, so no "missing key" follows a rejected value. */
	void written(PropertyNode node) {
		if (!isWritten(node.key())) {
			add(node, null);
		}
	}

	boolean isWritten(String key) {
		return find(key) >= 0;
	}

	void put(PropertyNode node, Object value) {
		int at = find(node.key());
		if (at >= 0) {
			nodes[at] = node;
			values[at] = value;
		} else {
			add(node, value);
		}
	}

	private void add(PropertyNode node, Object value) {
		if (nodes == null) {
			nodes = new PropertyNode[1];
			values = new Object[1];
		} else if (size == nodes.length) {
			nodes = Arrays.copyOf(nodes, size * 2);
			values = Arrays.copyOf(values, size * 2);
		}
		nodes[size] = node;
		values[size] = value;
		size++;
		if (index != null) {
			index.put(node.key(), size - 1);
		} else if (size > SCAN_LIMIT) {
			index = new HashMap<>();
			for (int i = 0; i < size; i++) {
				index.put(nodes[i].key(), i);
			}
		}
	}

	/** The position of {@code key}, or -1. */
	private int find(String key) {
		if (index != null) {
			return index.getOrDefault(key, -1);
		}
		for (int i = 0; i < size; i++) {
			if (nodes[i].key().equals(key)) {
				return i;
			}
		}
		return -1;
	}

	boolean has(String key) {
		return raw(key) != null;
	}

	/** The node that gave {@code key} its value, to point problems at; null when defaulted. */
	PropertyNode node(String key) {
		int at = find(key);
		return at < 0 || values[at] == null ? null : nodes[at];
	}

	Object raw(String key) {
		int at = find(key);
		return at < 0 ? null : values[at];
	}

	Map<String, Object> all() {
		Map<String, Object> all = new LinkedHashMap<>();
		for (int i = 0; i < size; i++) {
			if (values[i] != null) {
				all.put(nodes[i].key(), values[i]);
			}
		}
		return Collections.unmodifiableMap(all);
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
}
