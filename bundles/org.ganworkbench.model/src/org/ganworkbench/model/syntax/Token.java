package org.ganworkbench.model.syntax;

/** A token with its exact source range; {@code text} is the raw source text of the token. */
public record Token(TokenKind kind, String text, int offset, int line, int column) {

	public int length() {
		return text.length();
	}

	public int end() {
		return offset + text.length();
	}

	public boolean is(TokenKind k) {
		return kind == k;
	}
}
