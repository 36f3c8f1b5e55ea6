package org.ganworkbench.model;

import java.util.Locale;

/** Number formatting for messages and tables: integers without ".0", others as short as exact. */
final class Numbers {

	private Numbers() {
	}

	static String format(double v) {
		if (v == Math.rint(v) && Math.abs(v) < 1e15) {
			return Long.toString((long) v);
		}
		if (v == Double.MAX_VALUE) {
			return "max";
		}
		return Double.toString(v).replace("E", "e");
	}

	/** 1234567 as "1,234,567", which reads faster in the layer table. */
	static String grouped(long v) {
		return String.format(Locale.ROOT, "%,d", v);
	}
}
