package org.ganworkbench.model;

import java.util.ArrayList;
import java.util.List;

import org.ganworkbench.model.syntax.Lexer;
import org.ganworkbench.model.syntax.ProblemSink;
import org.ganworkbench.model.syntax.SyntaxParser;
import org.ganworkbench.model.syntax.Token;
import org.ganworkbench.model.syntax.TokenKind;

/**
 * Canonical layout: one tab per level, one property per line, and blocks inside a section (layers,
 * optimisers, ema...) that hold only properties on one line with "; " between them when that fits in
 * 100 columns. Comments and single blank lines are kept. Source with syntax errors is returned
 * unchanged: guessing would lose text.
 */
public final class ModelFormatter {

	private static final int MAX_LINE = 100;
	private static final int TAB_WIDTH = 4;

	private final String source;
	private final List<Token> tokens;
	private int index;
	/** Comments met inside the item being read. */
	private final List<String> pending = new ArrayList<>();
	/** For each token the nearest earlier one that is not a comment, so a run of comments needs no scan back. */
	private final Token[] significantBefore;

	private ModelFormatter(String source, List<Token> tokens) {
		this.source = source;
		this.tokens = tokens;
		this.significantBefore = new Token[tokens.size()];
		Token last = null;
		for (int i = 0; i < tokens.size(); i++) {
			significantBefore[i] = last;
			if (!tokens.get(i).is(TokenKind.COMMENT)) {
				last = tokens.get(i);
			}
		}
	}

	public static String format(String source) {
		ProblemSink problems = new ProblemSink(source);
		SyntaxParser.parse(source, problems);
		if (!problems.isEmpty()) {
			return source;
		}
		List<Token> tokens = new Lexer(source, new ProblemSink(source)).tokens();
		ModelFormatter formatter = new ModelFormatter(source, tokens);
		Block root = new Block("", null);
		formatter.items(root);
		StringBuilder out = new StringBuilder();
		formatter.print(root.items, 0, out);
		return out.toString();
	}

	/** A property, comment or block of the layout tree. */
	private abstract static class Item {
		boolean blankBefore;
		String trailing;
	}

	private static final class Property extends Item {
		final String key;
		final String value;

		Property(String key, String value) {
			this.key = key;
			this.value = value;
		}
	}

	private static final class Comment extends Item {
		final String text;

		Comment(String text) {
			this.text = text;
		}
	}

	private static final class Block extends Item {
		final String keyword;
		final String name;
		final List<Item> items = new ArrayList<>();
		String openComment;

		Block(String keyword, String name) {
			this.keyword = keyword;
			this.name = name;
		}
	}

	/** Reads items up to the closing brace (consumed by the caller). */
	private void items(Block block) {
		Token previous = index > 0 ? tokens.get(index - 1) : null;
		while (true) {
			Token t = tokens.get(index);
			if (t.is(TokenKind.EOF) || t.is(TokenKind.RBRACE)) {
				return;
			}
			boolean blank = previous != null && blankLineBetween(previous, t);
			if (t.is(TokenKind.SEMICOLON)) {
				index++;
			} else if (t.is(TokenKind.COMMENT)) {
				index++;
				Token before = significantBefore[index - 1];
				if (before != null && before.line() == t.line() && before.is(TokenKind.LBRACE) && block.items.isEmpty()) {
					block.openComment = append(block.openComment, t.text());
				} else if (before != null && before.line() == t.line() && !block.items.isEmpty()
						&& !(block.items.get(block.items.size() - 1) instanceof Comment) && !before.is(TokenKind.LBRACE)) {
					Item last = block.items.get(block.items.size() - 1);
					last.trailing = append(last.trailing, t.text());
				} else {
					Comment comment = new Comment(t.text());
					comment.blankBefore = blank;
					block.items.add(comment);
				}
			} else if (tokens.get(significantAfter(index)).is(TokenKind.EQUALS)) {
				Item property = property();
				property.blankBefore = blank;
				block.items.add(property);
			} else {
				pending.clear();
				String keyword = next().text();
				Token nameOrBrace = next();
				String name = nameOrBrace.is(TokenKind.LBRACE) ? null : nameOrBrace.text();
				if (name != null) {
					next(); // '{'
				}
				Block child = new Block(keyword, name);
				child.openComment = pendingText();
				child.blankBefore = blank;
				items(child);
				index++; // '}'
				block.items.add(child);
			}
			previous = tokens.get(index - 1);
		}
	}

	private Item property() {
		pending.clear();
		String key = next().text();
		next(); // '='
		Token t = next();
		if (!t.is(TokenKind.LBRACKET)) {
			Property property = new Property(key, t.text());
			property.trailing = pendingText();
			return property;
		}
		List<String> values = new ArrayList<>();
		for (Token item = next(); !item.is(TokenKind.RBRACKET); item = next()) {
			if (!item.is(TokenKind.COMMA)) {
				values.add(item.text());
			}
		}
		Property property = new Property(key, "[" + String.join(", ", values) + "]");
		property.trailing = pendingText();
		return property;
	}

	private String pendingText() {
		return pending.isEmpty() ? null : String.join(" ", pending);
	}

	/**
	 * The next token that is not a comment. Comments inside a property or a block header (legal, if
	 * odd) are collected in {@link #pending} and moved to the end of the line.
	 */
	private Token next() {
		while (tokens.get(index).is(TokenKind.COMMENT)) {
			pending.add(tokens.get(index++).text());
		}
		return tokens.get(index++);
	}

	private int significantAfter(int i) {
		int j = i + 1;
		while (tokens.get(j).is(TokenKind.COMMENT)) {
			j++;
		}
		return j;
	}

	private boolean blankLineBetween(Token previous, Token next) {
		int newlines = 0;
		for (int i = previous.end(); i < next.offset(); i++) {
			if (source.charAt(i) == '\n') {
				newlines++;
			}
		}
		return newlines >= 2;
	}

	private static String append(String existing, String comment) {
		return existing == null ? comment : existing + " " + comment;
	}

	private void print(List<Item> items, int depth, StringBuilder out) {
		for (int i = 0; i < items.size(); i++) {
			Item item = items.get(i);
			if (item.blankBefore && i > 0) {
				out.append('\n');
			}
			String indent = "\t".repeat(depth);
			if (item instanceof Comment c) {
				out.append(indent).append(c.text).append('\n');
			} else if (item instanceof Property p) {
				out.append(indent).append(p.key).append(" = ").append(p.value);
				trailing(p, out);
			} else {
				block((Block) item, depth, out);
			}
		}
	}

	private void block(Block b, int depth, StringBuilder out) {
		String indent = "\t".repeat(depth);
		String header = b.keyword + (b.name != null ? " " + b.name : "") + " {";
		out.append(indent).append(header);
		if (b.items.isEmpty() && b.openComment == null) {
			out.append('}');
			trailing(b, out);
			return;
		}
		String oneLine = oneLine(b, depth);
		if (oneLine != null) {
			out.append(oneLine).append(" }");
			trailing(b, out);
			return;
		}
		if (b.openComment != null) {
			out.append(' ').append(b.openComment);
		}
		out.append('\n');
		print(b.items, depth + 1, out);
		out.append(indent).append('}');
		trailing(b, out);
	}

	/** The " a = 1; b = 2" body when the block qualifies for one line, else null. */
	private static String oneLine(Block b, int depth) {
		if (depth < 2 || b.openComment != null) {
			return null;
		}
		StringBuilder body = new StringBuilder();
		for (Item item : b.items) {
			if (!(item instanceof Property p) || p.trailing != null || p.blankBefore) {
				return null;
			}
			body.append(body.length() == 0 ? " " : "; ").append(p.key).append(" = ").append(p.value);
		}
		int width = depth * TAB_WIDTH + b.keyword.length() + (b.name != null ? b.name.length() + 1 : 0) + 2
				+ body.length() + 2 + (b.trailing != null ? b.trailing.length() + 1 : 0);
		return width <= MAX_LINE ? body.toString() : null;
	}

	private static void trailing(Item item, StringBuilder out) {
		if (item.trailing != null) {
			out.append(' ').append(item.trailing);
		}
		out.append('\n');
	}
}
