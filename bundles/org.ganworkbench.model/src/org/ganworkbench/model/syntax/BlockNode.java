package org.ganworkbench.model.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code keyword [name] { items }}. The name may be a bare name or a string. {@code openBrace} and
 * {@code closeBrace} are offsets of the braces; {@code closeBrace} is -1 when the block is not closed.
 * Children keep their source order (layers are read in that order).
 */
public final class BlockNode implements Node {

	private final String keyword;
	private final int keywordOffset;
	private final String name;
	private final int nameOffset;
	private final int nameLength;
	private final int openBrace;
	private int closeBrace = -1;
	private final List<Node> children = new ArrayList<>();

	public BlockNode(String keyword, int keywordOffset, String name, int nameOffset, int nameLength, int openBrace) {
		this.keyword = keyword;
		this.keywordOffset = keywordOffset;
		this.name = name;
		this.nameOffset = nameOffset;
		this.nameLength = nameLength;
		this.openBrace = openBrace;
	}

	public String keyword() {
		return keyword;
	}

	public String name() {
		return name;
	}

	/** The keyword and name, where problems about the block as a whole point. */
	public Node header() {
		int end = name != null ? nameOffset + nameLength : keywordOffset + keyword.length();
		return new PropertyNode.Range(keywordOffset, end - keywordOffset);
	}

	public Node nameNode() {
		return name != null ? new PropertyNode.Range(nameOffset, nameLength) : header();
	}

	public int openBrace() {
		return openBrace;
	}

	public int closeBrace() {
		return closeBrace;
	}

	void close(int offset) {
		closeBrace = offset;
	}

	void add(Node child) {
		children.add(child);
	}

	public List<Node> children() {
		return children;
	}

	public List<PropertyNode> properties() {
		List<PropertyNode> result = new ArrayList<>();
		for (Node child : children) {
			if (child instanceof PropertyNode p) {
				result.add(p);
			}
		}
		return result;
	}

	public List<BlockNode> blocks() {
		List<BlockNode> result = new ArrayList<>();
		for (Node child : children) {
			if (child instanceof BlockNode b) {
				result.add(b);
			}
		}
		return result;
	}

	public PropertyNode property(String key) {
		for (PropertyNode p : properties()) {
			if (p.key().equals(key)) {
				return p;
			}
		}
		return null;
	}

	@Override
	public int offset() {
		return keywordOffset;
	}

	@Override
	public int length() {
		int end = closeBrace >= 0 ? closeBrace + 1 : children.isEmpty() ? openBrace + 1 : children.get(children.size() - 1).end();
		return end - keywordOffset;
	}
}
