package org.ganworkbench.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;

import org.ganworkbench.model.syntax.Lexer;
import org.ganworkbench.model.syntax.ProblemSink;
import org.ganworkbench.model.syntax.Token;
import org.ganworkbench.model.syntax.TokenKind;

/**
 * Where the caret is, for content assist: the keywords of the open blocks around it (outermost first),
 * the identifier typed so far, and, after {@code key =} (or inside its list), the key. Reads tokens
 * rather than the syntax tree, so half-typed text does not confuse it.
 */
record CompletionContext(List<String> blocks, String prefix, int prefixOffset, String valueOf) {

	static CompletionContext at(String text, int offset) {
		int start = offset;
		while (start > 0 && isIdentPart(text.charAt(start - 1))) {
			start--;
		}
		String before = text.substring(0, start);
		List<String> stack = new ArrayList<>();
		List<Token> tokens = new Lexer(before, new ProblemSink(before)).tokens();
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.is(TokenKind.LBRACE)) {
				stack.add(headerKeyword(tokens, i));
			} else if (token.is(TokenKind.RBRACE) && !stack.isEmpty()) {
				stack.remove(stack.size() - 1);
			}
		}
		return new CompletionContext(stack, text.substring(start, offset), start, valueKey(tokens));
	}

	/** The keyword of "keyword {" or "keyword name {". */
	private static String headerKeyword(List<Token> tokens, int brace) {
		int i = brace - 1;
		if (i >= 1 && (tokens.get(i).is(TokenKind.IDENT) || tokens.get(i).is(TokenKind.STRING))
				&& tokens.get(i - 1).is(TokenKind.IDENT) && tokens.get(i - 1).line() == tokens.get(i).line()) {
			i--;
		}
		return i >= 0 && tokens.get(i).is(TokenKind.IDENT) ? tokens.get(i).text() : ""; //$NON-NLS-1$
	}

	/** "key" when the caret follows "key =" or sits in the list of "key = [a, ". */
	private static String valueKey(List<Token> tokens) {
		int i = tokens.size() - 2; // the last token before EOF
		if (i >= 0 && (tokens.get(i).is(TokenKind.COMMA) || tokens.get(i).is(TokenKind.LBRACKET)
				|| tokens.get(i).is(TokenKind.IDENT))) {
			int j = i;
			while (j >= 0 && !tokens.get(j).is(TokenKind.LBRACKET) && !tokens.get(j).is(TokenKind.RBRACKET)
					&& !tokens.get(j).is(TokenKind.EQUALS) && !tokens.get(j).is(TokenKind.LBRACE)
					&& !tokens.get(j).is(TokenKind.RBRACE)) {
				j--;
			}
			if (j >= 0 && tokens.get(j).is(TokenKind.LBRACKET)) {
				i = j - 1;
			}
		}
		if (i >= 1 && tokens.get(i).is(TokenKind.EQUALS) && tokens.get(i - 1).is(TokenKind.IDENT)) {
			return tokens.get(i - 1).text();
		}
		return null;
	}

	private static boolean isIdentPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}

	/** The innermost open block's keyword, "" at the top level. */
	String innermost() {
		return blocks.isEmpty() ? "" : blocks.get(blocks.size() - 1); //$NON-NLS-1$
	}

	/** The keyword of the block around the innermost one, "" when there is none. */
	String parent() {
		return blocks.size() < 2 ? "" : blocks.get(blocks.size() - 2); //$NON-NLS-1$
	}

	/** The generator or discriminator the caret is in, or null. */
	String network() {
		for (String block : blocks) {
			if (ModelKeys.isNetwork(block)) {
				return block;
			}
		}
		return null;
	}
}
