package org.ganworkbench.model;

import java.util.Arrays;
import java.util.List;

import org.ganworkbench.model.syntax.BlockNode;
import org.ganworkbench.model.syntax.Node;
import org.ganworkbench.model.syntax.ProblemSink;
import org.ganworkbench.model.syntax.PropertyNode;
import org.ganworkbench.model.syntax.SyntaxParser;

/**
 * Changes one value in model source and leaves every other character alone, so comments and the
 * user's layout survive edits made in the editor's forms.
 */
public final class ModelWriter {

	private ModelWriter() {
	}

	/**
	 * Sets the value at {@code path} inside the gan block. The path's segments name blocks by keyword
	 * or, for layers, by name: "training.batch", "training.ema.decay", "generator.fc.units",
	 * "generator.spectral_norm". {@code value} is source text, inserted as is: {@code 64},
	 * {@code hinge}, {@code "data/images"} (with quotes), {@code [1, 28, 28]}.
	 * <p>
	 * An existing value's source range is replaced. A missing key is inserted as a new line after the
	 * block's last property (before its first sub-block) with the same indentation, or as
	 * {@code ; key = value} in a one-line block. Missing blocks are created on one line.
	 *
	 * @throws IllegalArgumentException when the source has no gan block, a path segment is ambiguous
	 *             or a block on the path is not closed
	 */
	public static String set(String source, String path, String value) {
		List<String> segments = Arrays.asList(path.split("\\."));
		if (segments.isEmpty() || segments.stream().anyMatch(String::isEmpty)) {
			throw new IllegalArgumentException("bad path '" + path + "'");
		}
		BlockNode root = SyntaxParser.parse(source, new ProblemSink(source));
		BlockNode block = root.blocks().stream().filter(b -> b.keyword().equals("gan")).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("the source has no gan block"));
		String key = segments.get(segments.size() - 1);
		for (int i = 0; i < segments.size() - 1; i++) {
			BlockNode child = child(block, segments.get(i));
			if (child == null) {
				return insert(source, block, nested(segments.subList(i, segments.size() - 1), key, value), true);
			}
			block = child;
		}
		PropertyNode existing = block.property(key);
		if (existing != null) {
			Node v = existing.value();
			return source.substring(0, v.offset()) + value + source.substring(v.end());
		}
		return insert(source, block, key + " = " + value, false);
	}

	/**
	 * The source text of the value at {@code path} (as {@link #set} names it), or null when the key or a
	 * block on its path is missing, or the source has no gan block; never throws on a malformed file.
	 */
	public static String get(String source, String path) {
		List<String> segments = Arrays.asList(path.split("\\."));
		BlockNode block = SyntaxParser.parse(source, new ProblemSink(source)).blocks().stream()
				.filter(b -> b.keyword().equals("gan")).findFirst().orElse(null);
		try {
			for (int i = 0; block != null && i < segments.size() - 1; i++) {
				block = child(block, segments.get(i));
			}
		} catch (IllegalArgumentException ambiguous) {
			return null;
		}
		PropertyNode property = block == null ? null : block.property(segments.get(segments.size() - 1));
		String text = property == null || property.value() == null ? ""
				: source.substring(property.value().offset(), property.value().end());
		return text.isBlank() ? null : text;
	}

	private static BlockNode child(BlockNode block, String segment) {
		BlockNode found = null;
		for (BlockNode child : block.blocks()) {
			if (segment.equals(child.name())) {
				return child;
			}
			if (child.name() == null && child.keyword().equals(segment)) {
				if (found != null) {
					throw new IllegalArgumentException("'" + segment + "' matches more than one block");
				}
				found = child;
			}
		}
		return found;
	}

	/** "ema { decay = 0.9 }" for blocks that do not exist yet. */
	private static String nested(List<String> blocks, String key, String value) {
		String text = key + " = " + value;
		for (int i = blocks.size() - 1; i >= 0; i--) {
			text = blocks.get(i) + " { " + text + " }";
		}
		return text;
	}

	/**
	 * Properties go after the last property (before sub-blocks), new blocks after the last child.
	 * {@link ModelEdits#setLayerKey} places a layer's new key with it.
	 */
	static String insert(String source, BlockNode block, String line, boolean isBlock) {
		if (block.closeBrace() < 0) {
			throw new IllegalArgumentException("block '" + block.keyword() + "' is not closed");
		}
		List<Node> children = block.children();
		if (lineStart(source, block.openBrace()) == lineStart(source, block.closeBrace())) {
			if (children.isEmpty()) {
				return source.substring(0, block.openBrace() + 1) + " " + line + " " + source.substring(block.closeBrace());
			}
			int at = children.get(children.size() - 1).end();
			return source.substring(0, at) + "; " + line + source.substring(at);
		}
		String newline = source.contains("\r\n") ? "\r\n" : "\n";
		List<? extends Node> predecessors = isBlock ? children : block.properties();
		if (!predecessors.isEmpty()) {
			Node last = predecessors.get(predecessors.size() - 1);
			int end = lineEnd(source, last.end());
			if (onlySeparatorsOrComment(source.substring(last.end(), end))) {
				return source.substring(0, end) + newline + indentOf(source, last.offset()) + line + source.substring(end);
			}
			return source.substring(0, last.end()) + "; " + line + source.substring(last.end());
		}
		Node anchor = children.isEmpty() || isBlock ? null : children.get(0);
		int anchorOffset = anchor != null ? anchor.offset() : block.closeBrace();
		int start = lineStart(source, anchorOffset);
		if (source.substring(start, anchorOffset).isBlank()) {
			String indent = anchor != null ? indentOf(source, anchor.offset()) : indentOf(source, block.offset()) + "\t";
			return source.substring(0, start) + indent + line + newline + source.substring(start);
		}
		int at = block.openBrace() + 1;
		return source.substring(0, at) + " " + line + ";" + source.substring(at);
	}

	private static boolean onlySeparatorsOrComment(String rest) {
		String trimmed = rest.strip();
		while (trimmed.startsWith(";")) {
			trimmed = trimmed.substring(1).strip();
		}
		return trimmed.isEmpty() || trimmed.startsWith("#");
	}

	private static int lineStart(String source, int offset) {
		int i = offset;
		while (i > 0 && source.charAt(i - 1) != '\n') {
			i--;
		}
		return i;
	}

	/** The offset of the line break (or end of text) after {@code offset}, before any '\r'. */
	private static int lineEnd(String source, int offset) {
		int i = offset;
		while (i < source.length() && source.charAt(i) != '\n') {
			i++;
		}
		return i > offset && source.charAt(i - 1) == '\r' ? i - 1 : i;
	}

	private static String indentOf(String source, int offset) {
		int start = lineStart(source, offset);
		int i = start;
		while (i < offset && (source.charAt(i) == ' ' || source.charAt(i) == '\t')) {
			i++;
		}
		return source.substring(start, i);
	}
}
