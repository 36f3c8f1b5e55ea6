package org.ganworkbench.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The keys a block accepts. {@code open} blocks (custom layers) accept any further key. */
record BlockSchema(String what, Map<String, KeySpec> keys, boolean open) {

	static BlockSchema of(String what, List<KeySpec> specs) {
		return of(what, specs, false);
	}

	static BlockSchema of(String what, List<KeySpec> specs, boolean open) {
		Map<String, KeySpec> keys = new LinkedHashMap<>();
		for (KeySpec spec : specs) {
			keys.put(spec.key(), spec);
		}
		return new BlockSchema(what, keys, open);
	}

	String keyList() {
		return keys.isEmpty() ? "none" : String.join(", ", keys.keySet());
	}
}
