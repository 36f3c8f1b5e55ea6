package org.ganworkbench.model.syntax;

import java.util.ArrayList;
import java.util.Collections;
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
	/** Made on the first child, small: most blocks are layers with a key or two, and a file may hold 400,000. */
	private List<Node> children = List.of();
	private int blockCount;
	/** Properties usually come first: looking one up reads up to the last, not 400,000 layers after it. */
	private int lastProperty = -1;

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
		if (children.isEmpty()) {
			children = new ArrayList<>(2);
		}
		children.add(child);
		if (child instanceof BlockNode) {
			blockCount++;
		} else {
			lastProperty = children.size() - 1;
		}
	}

	public List<Node> children() {
		return Collections.unmodifiableList(children);
	}

	public List<PropertyNode> properties() {
		if (lastProperty < 0) {
			return List.of(); // most layers of a large file
		}
		List<PropertyNode> result = new ArrayList<>(children.size() - blockCount);
		for (int i = 0; i <= lastProperty; i++) {
			if (children.get(i) instanceof PropertyNode p) {
				result.add(p);
			}
		}
		return result;
	}

	/** Sized up front: a network block may hold hundreds of thousands of layers. */
	public List<BlockNode> blocks() {
		return firstBlocks(blockCount);
	}

	/** The first {@code max} sub-blocks, without reading past them. */
	public List<BlockNode> firstBlocks(int max) {
		List<BlockNode> result = new ArrayList<>(Math.min(max, blockCount));
		for (int i = 0; i < children.size() && result.size() < max; i++) {
			if (children.get(i) instanceof BlockNode b) {
				result.add(b);
			}
		}
		return result;
	}

	public int blockCount() {
		return blockCount;
	}

	public PropertyNode property(String key) {
		for (int i = 0; i <= lastProperty; i++) {
			if (children.get(i) instanceof PropertyNode p && p.key().equals(key)) {
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
