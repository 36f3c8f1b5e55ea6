package org.ganworkbench.model.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits model source into tokens, comments included (the formatter keeps them). Bad characters and
 * unterminated strings are reported and skipped, so lexing never fails.
 */
public final class Lexer {

	private final String source;
	private final ProblemSink problems;
	private int pos;
	private int line = 1;
	private int lineStart;

	public Lexer(String source, ProblemSink problems) {
		this.source = source;
		this.problems = problems;
	}

	public List<Token> tokens() {
		List<Token> tokens = new ArrayList<>();
		while (true) {
			Token token = next();
			tokens.add(token);
			if (token.is(TokenKind.EOF)) {
				return tokens;
			}
		}
	}

	private Token next() {
		skipSpace();
		int start = pos;
		int startLine = line;
		int column = start - lineStart + 1;
		if (pos >= source.length()) {
			return new Token(TokenKind.EOF, "", start, startLine, column);
		}
		char c = source.charAt(pos);
		TokenKind kind = switch (c) {
		case '{' -> TokenKind.LBRACE;
		case '}' -> TokenKind.RBRACE;
		case '[' -> TokenKind.LBRACKET;
		case ']' -> TokenKind.RBRACKET;
		case '=' -> TokenKind.EQUALS;
		case ';' -> TokenKind.SEMICOLON;
		case ',' -> TokenKind.COMMA;
		default -> null;
		};
		if (kind != null) {
			pos++;
		} else if (c == '#') {
			while (pos < source.length() && source.charAt(pos) != '\n' && source.charAt(pos) != '\r') {
				pos++;
			}
			kind = TokenKind.COMMENT;
		} else if (c == '"') {
			kind = string();
		} else if (isIdentStart(c)) {
			while (pos < source.length() && isIdentPart(source.charAt(pos))) {
				pos++;
			}
			kind = TokenKind.IDENT;
		} else if (isDigit(c) || ((c == '-' || c == '+' || c == '.') && pos + 1 < source.length()
				&& (isDigit(source.charAt(pos + 1)) || source.charAt(pos + 1) == '.'))) {
			kind = number();
		} else {
			pos += Character.charCount(source.codePointAt(pos));
			kind = TokenKind.INVALID;
			problems.error(start, pos - start, "unexpected character '" + source.substring(start, pos) + "'");
		}
		return new Token(kind, source.substring(start, pos), start, startLine, column);
	}

	private TokenKind string() {
		int start = pos;
		pos++;
		while (pos < source.length()) {
			char c = source.charAt(pos);
			if (c == '"') {
				pos++;
				return TokenKind.STRING;
			}
			if (c == '\n' || c == '\r') {
				break;
			}
			pos += c == '\\' && pos + 1 < source.length() && source.charAt(pos + 1) != '\n' ? 2 : 1;
		}
		problems.error(start, pos - start, "string not closed: add '\"' before the end of the line");
		return TokenKind.INVALID;
	}

	private TokenKind number() {
		int start = pos;
		if (source.charAt(pos) == '-' || source.charAt(pos) == '+') {
			pos++;
		}
		digits();
		if (pos < source.length() && source.charAt(pos) == '.') {
			pos++;
			digits();
		}
		if (pos < source.length() && (source.charAt(pos) == 'e' || source.charAt(pos) == 'E')) {
			int mark = pos;
			pos++;
			if (pos < source.length() && (source.charAt(pos) == '-' || source.charAt(pos) == '+')) {
				pos++;
			}
			if (pos < source.length() && isDigit(source.charAt(pos))) {
				digits();
			} else {
				pos = mark;
			}
		}
		// "12abc" is one bad token rather than a number followed by a name
		if (pos < source.length() && isIdentPart(source.charAt(pos))) {
			while (pos < source.length() && isIdentPart(source.charAt(pos))) {
				pos++;
			}
			problems.error(start, pos - start, "'" + source.substring(start, pos) + "' is not a number");
			return TokenKind.INVALID;
		}
		if (!source.substring(start, pos).chars().anyMatch(Lexer::isDigit)) {
			problems.error(start, pos - start, "'" + source.substring(start, pos) + "' is not a number");
			return TokenKind.INVALID;
		}
		return TokenKind.NUMBER;
	}

	private void digits() {
		while (pos < source.length() && (isDigit(source.charAt(pos)) || source.charAt(pos) == '_')) {
			pos++;
		}
	}

	private void skipSpace() {
		while (pos < source.length()) {
			char c = source.charAt(pos);
			if (c == '\n') {
				pos++;
				line++;
				lineStart = pos;
			} else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\uFEFF') {
				pos++;
			} else {
				return;
			}
		}
	}

	private static boolean isDigit(int c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isIdentStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
	}

	private static boolean isIdentPart(char c) {
		return isIdentStart(c) || isDigit(c);
	}
}
