package org.ganworkbench.model.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads tokens into blocks, properties and values. On an error it reports, skips to the end of the
 * line (or a ';' or '}') and goes on, so one typo yields one problem and the rest is still checked.
 * Nesting is limited and lists are flat, so hostile input cannot exhaust the stack.
 */
public final class SyntaxParser {

	/** Deeper than any real model (gan > training > ema is 3); protects the recursion. */
	static final int MAX_DEPTH = 16;
	/** Integers in this range (sizes, kernels, counts: most values of a file) share one boxed Double each. */
	private static final int SMALL_MIN = -128;
	private static final Double[] SMALL = new Double[1024 - SMALL_MIN];

	static {
		for (int i = 0; i < SMALL.length; i++) {
			SMALL[i] = (double) (i + SMALL_MIN);
		}
	}

	private final Lexer lexer;
	private final ProblemSink problems;
	/** Two tokens of lookahead, comments left out: all the grammar needs. */
	private Token current;
	private Token following;

	private SyntaxParser(Lexer lexer, ProblemSink problems) {
		this.lexer = lexer;
		this.problems = problems;
		this.current = significant();
		this.following = significant();
	}

	/** Parses a whole file; the returned root block (keyword "") holds the top-level blocks. */
	public static BlockNode parse(String source, ProblemSink problems) {
		return new SyntaxParser(new Lexer(source, problems), problems).document();
	}

	private BlockNode document() {
		BlockNode root = new BlockNode("", 0, null, 0, 0, -1);
		items(root, 0);
		while (!peek().is(TokenKind.EOF)) {
			Token stray = take();
			problems.error(stray.offset(), stray.length(), Snippet.quote(stray.text()) + " has no matching '{'");
			items(root, 0);
		}
		return root;
	}

	/** Reads items until '}' or the end; the caller consumes the '}'. */
	private void items(BlockNode block, int depth) {
		while (true) {
			Token t = peek();
			switch (t.kind()) {
			case EOF, RBRACE:
				return;
			case SEMICOLON:
				take();
				break;
			case IDENT:
				item(block, depth);
				break;
			case INVALID:
				take();
				break;
			default:
				take();
				problems.error(t.offset(), t.length(), "expected a key or a block here, found " + Snippet.quote(t.text()));
				skipRestOfLine(t);
			}
		}
	}

	private void item(BlockNode parent, int depth) {
		Token key = take();
		Token next = peek();
		if (next.is(TokenKind.EQUALS)) {
			take();
			ValueNode value = value(next);
			// a missing value still marks the key as written, so no "missing key" error follows
			parent.add(new PropertyNode(key.text(), key.offset(),
					value != null ? value : new ValueNode(ValueKind.INVALID, "", null, List.of(), next.end(), 0)));
			return;
		}
		Token name = null;
		if ((next.is(TokenKind.IDENT) || next.is(TokenKind.STRING)) && peekSecond().is(TokenKind.LBRACE)) {
			name = take();
			next = peek();
		}
		if (!next.is(TokenKind.LBRACE)) {
			problems.error(key.offset(), key.length(), "expected '=' or '{' after " + Snippet.quote(key.text()));
			skipRestOfLine(key);
			return;
		}
		Token open = take();
		BlockNode block = new BlockNode(key.text(), key.offset(), name == null ? null : nameText(name),
				name == null ? 0 : name.offset(), name == null ? 0 : name.length(), open.offset());
		parent.add(block);
		if (depth + 1 >= MAX_DEPTH) {
			problems.error(key.offset(), key.length(), "blocks are nested too deeply (more than " + MAX_DEPTH + " levels)");
			skipBalanced(block);
			return;
		}
		items(block, depth + 1);
		if (peek().is(TokenKind.RBRACE)) {
			block.close(take().offset());
		} else {
			problems.error(key.offset(), key.length(), "block " + Snippet.quote(key.text()) + " is not closed: add '}'");
		}
	}

	/** Skips the contents of a too-deep block without recursion. */
	private void skipBalanced(BlockNode block) {
		int open = 1;
		while (!peek().is(TokenKind.EOF)) {
			Token t = take();
			if (t.is(TokenKind.LBRACE)) {
				open++;
			} else if (t.is(TokenKind.RBRACE) && --open == 0) {
				block.close(t.offset());
				return;
			}
		}
	}

	/**
	 * The value after '='; null (reported) when there is none on the line of the '='. A value written
	 * on the next line is skipped, so the typo costs one problem; a key or block there is read as such.
	 */
	private ValueNode value(Token equals) {
		Token t = peek();
		if (t.line() > equals.line() && !t.is(TokenKind.EOF)) {
			problems.error(equals.offset(), equals.length(), "expected a value after '=' on its line (a value starts on the line of its '=')");
			if (!startsItem()) {
				valueToken();
			}
			return null;
		}
		ValueNode value = valueToken();
		if (value == null) {
			problems.error(equals.offset(), equals.length(), "expected a value after '='");
		}
		return value;
	}

	/** Whether the current token begins a property or block: a name before '=', '{' or a block name on its line. */
	private boolean startsItem() {
		Token t = peek();
		Token next = peekSecond();
		return t.is(TokenKind.IDENT) && next.line() == t.line() && (next.is(TokenKind.EQUALS) || next.is(TokenKind.LBRACE)
				|| next.is(TokenKind.IDENT) || next.is(TokenKind.STRING));
	}

	/** Reads one value, or returns null and takes nothing when the current token cannot start one. */
	private ValueNode valueToken() {
		Token t = peek();
		switch (t.kind()) {
		case NUMBER:
			take();
			return number(t);
		case STRING:
			take();
			return new ValueNode(ValueKind.STRING, t.text(), unquote(t.text()), List.of(), t.offset(), t.length());
		case IDENT:
			take();
			if (t.text().equals("true") || t.text().equals("false")) {
				return new ValueNode(ValueKind.BOOLEAN, t.text(), Boolean.valueOf(t.text()), List.of(), t.offset(), t.length());
			}
			return new ValueNode(ValueKind.NAME, t.text(), t.text(), List.of(), t.offset(), t.length());
		case LBRACKET:
			return list(take());
		case INVALID:
			take();
			return new ValueNode(ValueKind.INVALID, t.text(), null, List.of(), t.offset(), t.length());
		default:
			return null;
		}
	}

	private ValueNode list(Token open) {
		List<ValueNode> items = new ArrayList<>();
		boolean valid = true;
		int end = open.end();
		while (true) {
			Token t = peek();
			if (t.is(TokenKind.RBRACKET)) {
				end = take().end();
				break;
			}
			if (t.is(TokenKind.EOF) || t.is(TokenKind.RBRACE) || t.is(TokenKind.LBRACE) || t.is(TokenKind.SEMICOLON)
					|| t.is(TokenKind.EQUALS)) {
				problems.error(open.offset(), open.length(), "list not closed: add ']'");
				valid = false;
				break;
			}
			take();
			end = t.end();
			if (t.is(TokenKind.COMMA)) {
				continue;
			}
			if (t.is(TokenKind.NUMBER)) {
				items.add(number(t));
			} else if (t.is(TokenKind.STRING)) {
				items.add(new ValueNode(ValueKind.STRING, t.text(), unquote(t.text()), List.of(), t.offset(), t.length()));
			} else if (t.is(TokenKind.IDENT)) {
				Object v = t.text().equals("true") || t.text().equals("false") ? (Object) Boolean.valueOf(t.text()) : t.text();
				items.add(new ValueNode(v instanceof Boolean ? ValueKind.BOOLEAN : ValueKind.NAME, t.text(), v, List.of(),
						t.offset(), t.length()));
			} else if (t.is(TokenKind.LBRACKET)) {
				problems.error(t.offset(), t.length(), "lists cannot contain lists");
				valid = false;
				end = skipInnerList(end);
			} else if (!t.is(TokenKind.INVALID)) {
				problems.error(t.offset(), t.length(), "unexpected " + Snippet.quote(t.text()) + " in a list");
				valid = false;
			} else {
				valid = false;
			}
		}
		String text = problems.source().substring(open.offset(), end);
		List<ValueNode> values = List.copyOf(items);
		return new ValueNode(valid ? ValueKind.LIST : ValueKind.INVALID, text, values, values, open.offset(), end - open.offset());
	}

	/** Skips a nested list (already reported) without recursion; returns the new end offset. */
	private int skipInnerList(int end) {
		int open = 1;
		while (open > 0) {
			Token t = peek();
			if (t.is(TokenKind.EOF) || t.is(TokenKind.RBRACE) || t.is(TokenKind.LBRACE) || t.is(TokenKind.SEMICOLON)
					|| t.is(TokenKind.EQUALS)) {
				return end;
			}
			take();
			end = t.end();
			if (t.is(TokenKind.LBRACKET)) {
				open++;
			} else if (t.is(TokenKind.RBRACKET)) {
				open--;
			}
		}
		return end;
	}

	private ValueNode number(Token t) {
		double value;
		try {
			value = Double.parseDouble(t.text().replace("_", ""));
		} catch (NumberFormatException e) {
			problems.error(t.offset(), t.length(), Snippet.quote(t.text()) + " is not a number");
			return new ValueNode(ValueKind.INVALID, t.text(), null, List.of(), t.offset(), t.length());
		}
		if (Double.isInfinite(value)) {
			problems.error(t.offset(), t.length(), "the number " + Snippet.of(t.text()) + " is too large");
			return new ValueNode(ValueKind.INVALID, t.text(), null, List.of(), t.offset(), t.length());
		}
		return new ValueNode(ValueKind.NUMBER, t.text(), boxed(value), List.of(), t.offset(), t.length());
	}

	private static Double boxed(double value) {
		boolean small = value >= SMALL_MIN && value < SMALL_MIN + SMALL.length && value == Math.rint(value)
				&& Double.compare(value, -0.0) != 0; // "-0" keeps its sign
		return small ? SMALL[(int) value - SMALL_MIN] : Double.valueOf(value);
	}

	private static String nameText(Token t) {
		return t.is(TokenKind.STRING) ? unquote(t.text()) : t.text();
	}

	static String unquote(String raw) {
		StringBuilder out = new StringBuilder();
		for (int i = 1; i < raw.length() - 1; i++) {
			char c = raw.charAt(i);
			if (c == '\\' && i + 1 < raw.length() - 1) {
				char e = raw.charAt(++i);
				out.append(switch (e) {
				case 'n' -> '\n';
				case 't' -> '\t';
				default -> e;
				});
			} else {
				out.append(c);
			}
		}
		return out.toString();
	}

	/** Skips what follows a bad token on its line, stopping at ';', braces or the next line. */
	private void skipRestOfLine(Token bad) {
		while (true) {
			Token t = peek();
			if (t.is(TokenKind.EOF) || t.is(TokenKind.SEMICOLON) || t.is(TokenKind.RBRACE) || t.line() != bad.line()) {
				return;
			}
			if (t.is(TokenKind.LBRACE)) {
				// a stray block body: skip it whole so its '}' does not close the enclosing block
				take();
				skipBalanced(new BlockNode("", t.offset(), null, 0, 0, t.offset()));
				return;
			}
			take();
		}
	}

	private Token peek() {
		return current;
	}

	/** The token after the current one. */
	private Token peekSecond() {
		return following;
	}

	private Token take() {
		Token t = current;
		if (!t.is(TokenKind.EOF)) {
			current = following;
			following = significant();
		}
		return t;
	}

	private Token significant() {
		Token t = lexer.next();
		while (t.is(TokenKind.COMMENT)) {
			t = lexer.next();
		}
		return t;
	}
}
