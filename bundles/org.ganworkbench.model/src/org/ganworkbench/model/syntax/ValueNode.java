package org.ganworkbench.model.syntax;

import java.util.List;

/**
 * A value: a number, string, boolean, bare name or a list of those. {@code text} is the raw source
 * text (what the writer replaces); {@code value} the decoded Java value: {@link Double},
 * {@link String}, {@link Boolean}, or a list of value nodes.
 */
public record ValueNode(ValueKind kind, String text, Object value, List<ValueNode> items, int offset, int length)
		implements Node {

	public boolean isInteger() {
		return kind == ValueKind.NUMBER && value instanceof Double d && d == Math.rint(d) && !text.contains(".")
				&& !text.contains("e") && !text.contains("E");
	}

	public double number() {
		return (Double) value;
	}

	/** Describes the value's type in messages, e.g. "the name 'hinge'". */
	public String describe() {
		return switch (kind) {
		case NUMBER -> "the number " + Snippet.of(text);
		case STRING -> "the string " + Snippet.of(text);
		case BOOLEAN -> "the boolean " + text;
		case NAME -> "the name " + Snippet.quote(text);
		case LIST -> "a list";
		case INVALID -> "an invalid value";
		};
	}
}
