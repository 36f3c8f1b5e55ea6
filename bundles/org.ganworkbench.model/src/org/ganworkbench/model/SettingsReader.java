package org.ganworkbench.model;

import java.util.ArrayList;
import java.util.List;

import org.ganworkbench.model.syntax.BlockNode;
import org.ganworkbench.model.syntax.ProblemSink;
import org.ganworkbench.model.syntax.PropertyNode;
import org.ganworkbench.model.syntax.Snippet;
import org.ganworkbench.model.syntax.ValueKind;
import org.ganworkbench.model.syntax.ValueNode;

/** Checks a block's properties against its schema: unknown and duplicate keys, types, ranges. */
final class SettingsReader {

	private final ProblemSink problems;

	SettingsReader(ProblemSink problems) {
		this.problems = problems;
	}

	/** Settings that nothing writes to afterwards: a block without properties (most layers) shares the empty one. */
	Settings read(BlockNode block, BlockSchema schema) {
		List<PropertyNode> properties = block.properties();
		if (properties.isEmpty()) {
			return Settings.EMPTY;
		}
		Settings settings = new Settings();
		for (PropertyNode p : properties) {
			if (settings.isWritten(p.key())) {
				problems.error(p.keyNode(), Snippet.quote(p.key()) + " is set twice in " + schema.what());
				continue;
			}
			KeySpec spec = schema.keys().get(p.key());
			if (spec == null) {
				if (schema.open()) {
					spec = KeySpec.any(p.key());
				} else {
					problems.error(p.keyNode(), "unknown key " + Snippet.quote(p.key()) + " in " + schema.what() + " (known keys: "
							+ schema.keyList() + ")");
					continue;
				}
			}
			Object value = decode(p.value(), spec, schema);
			if (value != null) {
				settings.put(p, value);
			} else {
				settings.written(p);
			}
		}
		return settings;
	}

	/** One value checked against a key's spec, as a property of that key would be; null after a reported problem. */
	Object value(ValueNode v, KeySpec spec, BlockSchema schema) {
		return decode(v, spec, schema);
	}

	private Object decode(ValueNode v, KeySpec spec, BlockSchema schema) {
		if (v.kind() == ValueKind.INVALID) {
			return null; // reported by the parser
		}
		String key = spec.key();
		switch (spec.type()) {
		case ANY:
			return plain(v);
		case INTEGER:
			return v.isInteger() ? ranged(v, spec) : wrongType(v, spec);
		case NUMBER:
			return v.kind() == ValueKind.NUMBER ? ranged(v, spec) : wrongType(v, spec);
		case BOOLEAN:
			return v.kind() == ValueKind.BOOLEAN ? v.value() : wrongType(v, spec);
		case STRING:
			return v.kind() == ValueKind.STRING ? v.value() : wrongType(v, spec);
		case NAME:
			return v.kind() == ValueKind.NAME ? v.value() : wrongType(v, spec);
		case CHOICE:
			return choice(v, spec);
		case INTEGER_OR_CHOICE:
			if (v.isInteger()) {
				return ranged(v, spec);
			}
			return v.kind() == ValueKind.NAME ? choice(v, spec) : wrongType(v, spec);
		case INTEGER_LIST, NAME_LIST, CHOICE_LIST:
			return list(v, spec);
		}
		throw new IllegalStateException(key + " in " + schema.what());
	}

	private Object list(ValueNode v, KeySpec spec) {
		if (v.kind() != ValueKind.LIST) {
			return wrongType(v, spec);
		}
		if (spec.listLength() > 0 && v.items().size() != spec.listLength()) {
			problems.error(v, "'" + spec.key() + "' needs " + spec.listLength() + " values, got " + v.items().size());
			return null;
		}
		if (spec.type() == ValueType.INTEGER_LIST && spec.listLength() == 0 && (v.items().isEmpty() || v.items().size() > 3)) {
			problems.error(v, "'" + spec.key() + "' needs 1 to 3 values, got " + v.items().size());
			return null;
		}
		if (spec.listLength() < 0 && v.items().isEmpty()) {
			problems.error(v, "'" + spec.key() + "' needs at least one value");
			return null;
		}
		List<Object> out = new ArrayList<>();
		for (ValueNode item : v.items()) {
			Object decoded = switch (spec.type()) {
			case INTEGER_LIST -> item.isInteger() ? ranged(item, spec)
					: wrongType(item, KeySpec.integer(spec.key(), (long) spec.min(), Integer.MAX_VALUE));
			case NAME_LIST -> item.kind() == ValueKind.NAME ? item.value() : wrongType(item, KeySpec.name(spec.key()));
			default -> choice(item, spec);
			};
			if (decoded == null) {
				return null;
			}
			out.add(decoded instanceof Double d ? (spec.listLength() < 0 ? (Object) Long.valueOf(d.longValue()) : Integer.valueOf(d.intValue()))
					: decoded);
		}
		return List.copyOf(out);
	}

	private Object ranged(ValueNode v, KeySpec spec) {
		double d = v.number();
		if (!spec.inRange(d)) {
			// "at least 1" only for a value below it: above the maximum, the message names the maximum
			String range = spec.max() >= Integer.MAX_VALUE && !spec.minExclusive() && d < spec.min()
					? "at least " + Numbers.format(spec.min())
					: "in " + spec.rangeText();
			problems.error(v, "'" + spec.key() + "' must be " + range + ", got " + Snippet.of(v.text()));
			return null;
		}
		return v.value(); // the parser's Double: boxing again would copy it for every value of the file
	}

	private Object choice(ValueNode v, KeySpec spec) {
		if (v.kind() == ValueKind.NAME && spec.choices().contains(v.text())) {
			return v.text();
		}
		if (v.kind() == ValueKind.STRING && spec.choices().contains((String) v.value())) {
			problems.error(v, "write " + Snippet.of((String) v.value()) + " without quotes for '" + spec.key() + "'");
			return null;
		}
		problems.error(v, "'" + spec.key() + "' must be " + expected(spec) + ", got " + v.describe());
		return null;
	}

	private Object wrongType(ValueNode v, KeySpec spec) {
		problems.error(v, "'" + spec.key() + "' must be " + expected(spec) + ", got " + v.describe());
		return null;
	}

	private static String expected(KeySpec spec) {
		return switch (spec.type()) {
		case CHOICE -> spec.choices().size() == 1 ? spec.choices().get(0) : "one of " + String.join(", ", spec.choices());
		case CHOICE_LIST -> "a list of " + String.join(", ", spec.choices());
		case INTEGER_OR_CHOICE -> "an integer or " + String.join(", ", spec.choices());
		case INTEGER_LIST -> spec.listLength() > 0 ? "a list of " + spec.listLength() + " positive integers" : "a list of positive integers";
		default -> spec.type().expected;
		};
	}

	private static Object plain(ValueNode v) {
		if (v.kind() == ValueKind.LIST) {
			List<Object> out = new ArrayList<>();
			for (ValueNode item : v.items()) {
				out.add(item.value());
			}
			return List.copyOf(out);
		}
		return v.value();
	}
}
