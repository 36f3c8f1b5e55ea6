package org.ganworkbench.model.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader and writer for the run directory's event log and run description.
 * Values map to {@link Map} (insertion-ordered), {@link List}, {@link String}, {@link Double},
 * {@link Boolean} and {@code null}; an integer too large for a double to hold exactly (a 64-bit seed)
 * reads as a {@link Long}, so take numbers as {@link Number}. The model bundle has no dependencies, hence no JSON library.
 */
public final class Json {

	private Json() {
	}

	/** Thrown for malformed JSON; {@link #offset()} is the character where reading stopped. */
	public static final class JsonException extends Exception {
		private static final long serialVersionUID = 1L;
		private final int offset;

		JsonException(String message, int offset) {
			super(message + " at character " + (offset + 1));
			this.offset = offset;
		}

		public int offset() {
			return offset;
		}
	}

	public static Object parse(String text) throws JsonException {
		Reader reader = new Reader(text);
		reader.skipSpace();
		Object value = reader.value(0);
		reader.skipSpace();
		if (reader.pos != text.length()) {
			throw new JsonException("unexpected text after the value", reader.pos);
		}
		return value;
	}

	/** Parses a JSON object; anything else is an error. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> parseObject(String text) throws JsonException {
		Object value = parse(text);
		if (!(value instanceof Map)) {
			throw new JsonException("expected a JSON object", 0);
		}
		return (Map<String, Object>) value;
	}

	public static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString();
	}

	private static void write(Object value, StringBuilder out) {
		if (value == null) {
			out.append("null");
		} else if (value instanceof String s) {
			quote(s, out);
		} else if (value instanceof Boolean) {
			out.append(value);
		} else if (value instanceof Number n) {
			writeNumber(n, out);
		} else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> e : map.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				quote(String.valueOf(e.getKey()), out);
				out.append(':');
				write(e.getValue(), out);
			}
			out.append('}');
		} else if (value instanceof Iterable<?> list) {
			out.append('[');
			boolean first = true;
			for (Object item : list) {
				if (!first) {
					out.append(',');
				}
				first = false;
				write(item, out);
			}
			out.append(']');
		} else if (value instanceof double[] array) {
			List<Double> list = new ArrayList<>();
			for (double d : array) {
				list.add(d);
			}
			write(list, out);
		} else if (value instanceof int[] array) {
			List<Integer> list = new ArrayList<>();
			for (int i : array) {
				list.add(i);
			}
			write(list, out);
		} else {
			quote(value.toString(), out);
		}
	}

	private static void writeNumber(Number n, StringBuilder out) {
		double d = n.doubleValue();
		if (Double.isNaN(d) || Double.isInfinite(d)) {
			// JSON has no NaN: write it as a string so that readers can still show it.
			quote(Double.toString(d), out);
		} else if (n instanceof Integer || n instanceof Long || d == Math.rint(d) && Math.abs(d) < 1e15) {
			out.append(n.longValue() == d ? Long.toString(n.longValue()) : Double.toString(d));
		} else if (n instanceof Float f) {
			// the shortest text that reads back as this float: half the digits of a double's, and
			// short decimals read back on the fast path of the reader
			out.append(Float.toString(f));
		} else {
			out.append(d);
		}
	}

	private static void quote(String s, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
			case '"' -> out.append("\\\"");
			case '\\' -> out.append("\\\\");
			case '\n' -> out.append("\\n");
			case '\r' -> out.append("\\r");
			case '\t' -> out.append("\\t");
			default -> {
				if (c < 0x20) {
					out.append(String.format("\\u%04x", (int) c));
				} else {
					out.append(c);
				}
			}
			}
		}
		out.append('"');
	}

	/** Reads a number that may have been written as a string ("NaN", "Infinity"). */
	public static double number(Object value, double fallback) {
		if (value instanceof Number n) {
			return n.doubleValue();
		}
		if (value instanceof String s) {
			try {
				return Double.parseDouble(s);
			} catch (NumberFormatException e) {
				return fallback;
			}
		}
		return fallback;
	}

	/** A value that should be a string: the string, or null for anything else. */
	public static String string(Object value) {
		return value instanceof String s ? s : null;
	}

	/** The strings of a value that should be an array of strings; other items, and other values, give none. */
	public static List<String> strings(Object value) {
		List<String> strings = new ArrayList<>();
		if (value instanceof List<?> list) {
			list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(strings::add);
		}
		return strings;
	}

	private static final class Reader {
		private static final int MAX_DEPTH = 200;
		private final String text;
		private int pos;

		Reader(String text) {
			this.text = text;
		}

		void skipSpace() {
			while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
				pos++;
			}
		}

		Object value(int depth) throws JsonException {
			if (depth > MAX_DEPTH) {
				throw new JsonException("nesting deeper than " + MAX_DEPTH, pos);
			}
			if (pos >= text.length()) {
				throw new JsonException("unexpected end of text", pos);
			}
			char c = text.charAt(pos);
			switch (c) {
			case '{':
				return object(depth);
			case '[':
				return array(depth);
			case '"':
				return string();
			case 't':
				return literal("true", Boolean.TRUE);
			case 'f':
				return literal("false", Boolean.FALSE);
			case 'n':
				return literal("null", null);
			default:
				return number();
			}
		}

		private Map<String, Object> object(int depth) throws JsonException {
			Map<String, Object> map = new LinkedHashMap<>();
			pos++;
			skipSpace();
			if (peek() == '}') {
				pos++;
				return map;
			}
			while (true) {
				skipSpace();
				if (peek() != '"') {
					throw new JsonException("expected a quoted key", pos);
				}
				String key = string();
				skipSpace();
				expect(':');
				skipSpace();
				map.put(key, value(depth + 1));
				skipSpace();
				char c = peek();
				pos++;
				if (c == '}') {
					return map;
				}
				if (c != ',') {
					throw new JsonException("expected ',' or '}'", pos - 1);
				}
			}
		}

		private List<Object> array(int depth) throws JsonException {
			List<Object> list = new ArrayList<>();
			pos++;
			skipSpace();
			if (peek() == ']') {
				pos++;
				return list;
			}
			while (true) {
				skipSpace();
				list.add(value(depth + 1));
				skipSpace();
				char c = peek();
				pos++;
				if (c == ']') {
					return list;
				}
				if (c != ',') {
					throw new JsonException("expected ',' or ']'", pos - 1);
				}
			}
		}

		private String string() throws JsonException {
			pos++;
			// Most strings of an event log have no escapes: take them in one piece.
			for (int end = pos; end < text.length(); end++) {
				char c = text.charAt(end);
				if (c == '"') {
					String plain = text.substring(pos, end);
					pos = end + 1;
					return plain;
				}
				if (c == '\\') {
					break;
				}
			}
			StringBuilder out = new StringBuilder();
			while (true) {
				if (pos >= text.length()) {
					throw new JsonException("unterminated string", pos);
				}
				char c = text.charAt(pos++);
				if (c == '"') {
					return out.toString();
				}
				if (c != '\\') {
					out.append(c);
					continue;
				}
				if (pos >= text.length()) {
					throw new JsonException("unterminated escape", pos);
				}
				char e = text.charAt(pos++);
				switch (e) {
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'u' -> {
					if (pos + 4 > text.length()) {
						throw new JsonException("short \\u escape", pos);
					}
					try {
						out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
					} catch (NumberFormatException ex) {
						throw new JsonException("bad \\u escape", pos);
					}
					pos += 4;
				}
				default -> out.append(e);
				}
			}
		}

		private Object number() throws JsonException {
			int start = pos;
			while (pos < text.length()) {
				char c = text.charAt(pos);
				if (c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
					pos++;
				} else {
					break;
				}
			}
			if (start == pos) {
				throw new JsonException("unexpected character '" + text.charAt(pos) + "'", pos);
			}
			Long large = largeInteger(text, start, pos);
			if (large != null) {
				return large;
			}
			double exact = exactDecimal(text, start, pos);
			if (!Double.isNaN(exact)) {
				return Double.valueOf(exact);
			}
			try {
				return Double.valueOf(text.substring(start, pos));
			} catch (NumberFormatException e) {
				throw new JsonException("malformed number", start);
			}
		}

		/** An integer literal beyond 2^53, where doubles skip integers, as a Long; else null. */
		private static Long largeInteger(String text, int start, int end) {
			int digits = end - start - (text.charAt(start) == '-' ? 1 : 0);
			if (digits < 16 || digits > 19) {
				return null;
			}
			for (int i = text.charAt(start) == '-' ? start + 1 : start; i < end; i++) {
				if (text.charAt(i) < '0' || text.charAt(i) > '9') {
					return null;
				}
			}
			try {
				long value = Long.parseLong(text, start, end, 10);
				return value > 1L << 53 || value < -(1L << 53) ? value : null;
			} catch (NumberFormatException e) {
				return null; // beyond a long: a double
			}
		}

		private static final double[] POWERS_OF_TEN = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
				1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

		/**
		 * Reads -?digits[.digits][(e|E)[+-]digits] of at most 15 significant digits and a power of ten
		 * within 10^+-22 without the general parser, which is the cost of reading a long event log:
		 * the digits and the power are then exact doubles, so one multiplication or division rounds
		 * correctly (Clinger's fast path). NaN for anything else; the general parser decides.
		 */
		private static double exactDecimal(String s, int from, int to) {
			int i = from;
			boolean negative = i < to && s.charAt(i) == '-';
			if (negative) {
				i++;
			}
			long digits = 0;
			int count = 0;
			int scale = 0;
			int intStart = i;
			for (; i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
				if (digits != 0 || s.charAt(i) != '0') {
					digits = digits * 10 + (s.charAt(i) - '0');
					count++;
				}
				if (count > 15) {
					return Double.NaN;
				}
			}
			if (i == intStart) {
				return Double.NaN;
			}
			if (i < to && s.charAt(i) == '.') {
				int fracStart = ++i;
				for (; i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
					if (digits != 0 || s.charAt(i) != '0') {
						digits = digits * 10 + (s.charAt(i) - '0');
						count++;
					}
					scale--;
					if (count > 15) {
						return Double.NaN;
					}
				}
				if (i == fracStart) {
					return Double.NaN;
				}
			}
			if (i < to && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
				i++;
				boolean negativeExponent = i < to && s.charAt(i) == '-';
				if (i < to && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
					i++;
				}
				int expStart = i;
				int exponent = 0;
				for (; i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9' && exponent < 1000; i++) {
					exponent = exponent * 10 + (s.charAt(i) - '0');
				}
				if (i == expStart) {
					return Double.NaN;
				}
				scale += negativeExponent ? -exponent : exponent;
			}
			if (i != to || scale < -22 || scale > 22) {
				return Double.NaN;
			}
			double value = scale < 0 ? digits / POWERS_OF_TEN[-scale] : digits * POWERS_OF_TEN[scale];
			return negative ? -value : value;
		}

		private Object literal(String word, Object value) throws JsonException {
			if (!text.startsWith(word, pos)) {
				throw new JsonException("unexpected word", pos);
			}
			pos += word.length();
			return value;
		}

		private char peek() throws JsonException {
			if (pos >= text.length()) {
				throw new JsonException("unexpected end of text", pos);
			}
			return text.charAt(pos);
		}

		private void expect(char c) throws JsonException {
			if (peek() != c) {
				throw new JsonException("expected '" + c + "'", pos);
			}
			pos++;
		}
	}
}
