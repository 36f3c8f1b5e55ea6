package org.ganworkbench.model.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits model source into tokens, comments included (the formatter keeps them). Bad characters and
 * unterminated strings are reported and skipped, so lexing never fails; a run of bad characters is
 * one token and one problem. {@link #next()} hands out one token at a time, so the parser holds no
 * token list.
 */
public final class Lexer {

	private final String source;
	private final ProblemSink problems;
	private final TokenTexts texts;
	private int pos;
	private int line = 1;
	private int lineStart;

	public Lexer(String source, ProblemSink problems) {
		this.source = source;
		this.problems = problems;
		this.texts = new TokenTexts(source);
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

	/** The next token, comments included; EOF again and again at the end. */
	public Token next() {
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
		} else if (startsNumber(pos)) {
			kind = number();
		} else {
			pos = endOfBadRun(pos);
			kind = TokenKind.INVALID;
			reportBadRun(start, pos);
		}
		return new Token(kind, texts.text(start, pos), start, startLine, column);
	}

	/** The end of the run of characters starting at {@code from} that no token can start with. */
	private int endOfBadRun(int from) {
		int at = from;
		do {
			at += Character.charCount(source.codePointAt(at));
		} while (at < source.length() && !startsToken(at) && !isSpace(source.charAt(at)));
		return at;
	}

	private boolean startsToken(int at) {
		char c = source.charAt(at);
		return "{}[]=;,#\"".indexOf(c) >= 0 || isIdentStart(c) || startsNumber(at)
				|| c == '\uFFFD' && problems.replacementsReported();
	}

	/** A digit, or a sign or point before a digit or point. */
	private boolean startsNumber(int at) {
		char c = source.charAt(at);
		return isDigit(c) || (c == '-' || c == '+' || c == '.') && at + 1 < source.length()
				&& (isDigit(source.charAt(at + 1)) || source.charAt(at + 1) == '.');
	}

	private void reportBadRun(int start, int end) {
		String run = source.substring(start, end);
		String what = run.codePointCount(0, run.length()) == 1 ? "unexpected character " : "unexpected characters ";
		String hint = run.indexOf('\uFFFD') >= 0
				? " (U+FFFD stands for bytes that are not UTF-8: save the file as UTF-8)"
				: "";
		problems.error(start, end - start, what + Snippet.quote(run) + hint);
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
			problems.error(start, pos - start, Snippet.quote(source.substring(start, pos)) + " is not a number");
			return TokenKind.INVALID;
		}
		if (!hasDigit(start, pos)) {
			problems.error(start, pos - start, Snippet.quote(source.substring(start, pos)) + " is not a number");
			return TokenKind.INVALID;
		}
		return TokenKind.NUMBER;
	}

	private boolean hasDigit(int start, int end) {
		for (int i = start; i < end; i++) {
			if (isDigit(source.charAt(i))) {
				return true;
			}
		}
		return false;
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
			} else if (isSpace(c) || c == '\uFFFD' && problems.replacementsReported()) {
				pos++; // U+FFFD: the decoder has reported the bytes it stands for
			} else {
				return;
			}
		}
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\uFEFF' || c == '\n';
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
