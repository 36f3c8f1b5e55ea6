package org.ganworkbench.model.syntax;

/** The kinds of token of the model format. */
public enum TokenKind {
	IDENT, STRING, NUMBER, LBRACE, RBRACE, LBRACKET, RBRACKET, EQUALS, SEMICOLON, COMMA, COMMENT,
	/** A character the format does not know; the lexer has reported it already. */
	INVALID, EOF
}
