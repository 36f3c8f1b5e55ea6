package org.ganworkbench.model.syntax;

/** {@code key = value}; the range covers both, {@code keyOffset} the key alone. */
public record PropertyNode(String key, int keyOffset, ValueNode value) implements Node {

	@Override
	public int offset() {
		return keyOffset;
	}

	@Override
	public int length() {
		return value.end() - keyOffset;
	}

	/** The key alone, to point problems about the key (unknown, duplicate) at it. */
	public Node keyNode() {
		return new Range(keyOffset, key.length());
	}

	/** A plain source range. */
	public record Range(int offset, int length) implements Node {
	}
}
