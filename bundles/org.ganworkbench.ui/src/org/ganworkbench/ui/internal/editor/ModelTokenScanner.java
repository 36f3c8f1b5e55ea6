package org.ganworkbench.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.rules.Token;
import org.ganworkbench.model.syntax.Lexer;
import org.ganworkbench.model.syntax.ProblemSink;
import org.ganworkbench.model.syntax.TokenKind;

/**
 * Colours model source with the model's own lexer: block keywords and layer types, layer names, keys,
 * constants (true, false, bare names), strings, numbers and comments. The damager hands it whole
 * lines, and no token of the format spans lines.
 */
final class ModelTokenScanner implements ITokenScanner {

	private record Span(int offset, int length, IToken token) {
	}

	private final SyntaxColors colors;
	private final List<Span> spans = new ArrayList<>();
	private int index;

	ModelTokenScanner(SyntaxColors colors) {
		this.colors = colors;
	}

	@Override
	public void setRange(IDocument document, int offset, int length) {
		spans.clear();
		index = -1;
		String text;
		try {
			text = document.get(offset, length);
		} catch (BadLocationException e) {
			return;
		}
		List<org.ganworkbench.model.syntax.Token> tokens = new Lexer(text, new ProblemSink(text)).tokens();
		int position = 0;
		for (int i = 0; i < tokens.size(); i++) {
			org.ganworkbench.model.syntax.Token token = tokens.get(i);
			if (token.is(TokenKind.EOF)) {
				break;
			}
			if (token.offset() > position) {
				spans.add(new Span(offset + position, token.offset() - position, Token.WHITESPACE));
			}
			spans.add(new Span(offset + token.offset(), token.length(), new Token(attribute(tokens, i))));
			position = token.end();
		}
		if (position < length) {
			spans.add(new Span(offset + position, length - position, Token.WHITESPACE));
		}
	}

	private TextAttribute attribute(List<org.ganworkbench.model.syntax.Token> tokens, int i) {
		org.ganworkbench.model.syntax.Token token = tokens.get(i);
		return switch (token.kind()) {
		case COMMENT -> colors.comment;
		case STRING -> colors.string;
		case NUMBER -> colors.number;
		case IDENT -> identifier(tokens, i);
		default -> colors.plain;
		};
	}

	/** "keyword {", "keyword name {", "key =", or a value. */
	private TextAttribute identifier(List<org.ganworkbench.model.syntax.Token> tokens, int i) {
		TokenKind next = kindAt(tokens, i + 1);
		if (next == TokenKind.LBRACE) {
			return kindAt(tokens, i - 1) == TokenKind.IDENT ? colors.name : colors.keyword;
		}
		if ((next == TokenKind.IDENT || next == TokenKind.STRING) && kindAt(tokens, i + 2) == TokenKind.LBRACE) {
			return colors.keyword;
		}
		return next == TokenKind.EQUALS ? colors.key : colors.constant;
	}

	private static TokenKind kindAt(List<org.ganworkbench.model.syntax.Token> tokens, int i) {
		return i >= 0 && i < tokens.size() ? tokens.get(i).kind() : TokenKind.EOF;
	}

	@Override
	public IToken nextToken() {
		index++;
		return index < spans.size() ? spans.get(index).token() : Token.EOF;
	}

	@Override
	public int getTokenOffset() {
		return spans.get(index).offset();
	}

	@Override
	public int getTokenLength() {
		return spans.get(index).length();
	}
}
