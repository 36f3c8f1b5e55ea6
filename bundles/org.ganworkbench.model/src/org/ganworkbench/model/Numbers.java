package org.ganworkbench.model;

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

	/**
	 * 1234567 as "1,234,567", which reads faster in the layer table. As String.format(Locale.ROOT,
	 * "%,d") but without parsing a format string: a table of 400,000 layers formats 400,000 counts.
	 */
	static String grouped(long v) {
		String digits = Long.toString(v);
		int sign = v < 0 ? 1 : 0;
		int length = digits.length() - sign;
		if (length <= 3) {
			return digits;
		}
		StringBuilder out = new StringBuilder(digits.length() + length / 3);
		int first = sign + (length % 3 == 0 ? 3 : length % 3);
		out.append(digits, 0, first);
		for (int i = first; i < digits.length(); i += 3) {
			out.append(',').append(digits, i, i + 3);
		}
		return out.toString();
	}
}
