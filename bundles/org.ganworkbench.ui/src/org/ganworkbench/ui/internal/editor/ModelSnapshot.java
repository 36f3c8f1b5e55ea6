package org.ganworkbench.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.Layer;
import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.NetworkRole;
import org.ganworkbench.model.syntax.Problem;
import org.ganworkbench.model.syntax.BlockNode;
import org.ganworkbench.model.syntax.Node;
import org.ganworkbench.model.syntax.PropertyNode;
import org.ganworkbench.model.syntax.ValueNode;

/**
 * One parse of the editor's text: the validated model (shapes, parameter counts, problems) and the
 * syntax tree (source ranges of blocks and values, for the outline, the form and the diagram), from
 * one pass of the reader. Made off the UI thread (see {@link DocumentModel}); read-only afterwards.
 */
public record ModelSnapshot(String text, ModelDocument document) {

	/** Before the first parse has arrived. */
	static final ModelSnapshot EMPTY = of(""); //$NON-NLS-1$

	/** Parses text as the source page holds it. */
	public static ModelSnapshot of(String text) {
		String source = text == null ? "" : text; //$NON-NLS-1$
		return new ModelSnapshot(source, ModelDocument.parse(source));
	}

	/** Reads a file's bytes, for a file opened in safe mode (binary or too large for the source page). */
	static ModelSnapshot read(byte[] bytes) {
		ModelDocument document = ModelDocument.read(bytes);
		return new ModelSnapshot(document.source(), document);
	}

	/** The syntax tree; its root (keyword "") holds the file's top-level blocks. */
	public BlockNode syntax() {
		return document.syntax();
	}

	public GanModel model() {
		return document.model();
	}

	public List<Problem> problems() {
		return document.problems();
	}

	/** The file's gan block, or null. */
	public BlockNode ganBlock() {
		for (BlockNode block : syntax().blocks()) {
			if (block.keyword().equals("gan")) { //$NON-NLS-1$
				return block;
			}
		}
		return null;
	}

	/**
	 * The block at a dotted path inside the gan block, segments naming blocks by keyword or, for
	 * layers, by name (as {@code ModelWriter} does); null when absent.
	 */
	public BlockNode block(String path) {
		BlockNode block = ganBlock();
		if (path.isEmpty()) {
			return block;
		}
		for (String segment : path.split("\\.")) { //$NON-NLS-1$
			if (block == null) {
				return null;
			}
			block = child(block, segment);
		}
		return block;
	}

	private static BlockNode child(BlockNode block, String segment) {
		BlockNode byKeyword = null;
		for (BlockNode child : block.blocks()) {
			if (segment.equals(child.name())) {
				return child;
			}
			if (byKeyword == null && child.name() == null && child.keyword().equals(segment)) {
				byKeyword = child;
			}
		}
		return byKeyword;
	}

	/** The value written at a dotted path such as "training.ema.decay"; null when not written. */
	public ValueNode value(String path) {
		int dot = path.lastIndexOf('.');
		BlockNode block = block(dot < 0 ? "" : path.substring(0, dot)); //$NON-NLS-1$
		if (block == null) {
			return null;
		}
		PropertyNode property = block.property(path.substring(dot + 1));
		return property == null ? null : property.value();
	}

	/**
	 * The whole block of a layer (header to closing brace), found by the layer's header offset. The
	 * network's children are in source order, so a binary search finds it: a file may hold 400,000.
	 */
	public BlockNode layerBlock(NetworkRole role, Layer layer) {
		BlockNode network = block(role.keyword());
		if (network == null) {
			return null;
		}
		List<Node> children = network.children();
		int low = 0;
		int high = children.size() - 1;
		while (low <= high) {
			int mid = (low + high) >>> 1;
			Node child = children.get(mid);
			if (child.offset() < layer.offset()) {
				low = mid + 1;
			} else if (child.offset() > layer.offset()) {
				high = mid - 1;
			} else {
				return child instanceof BlockNode block ? block : null;
			}
		}
		return null;
	}

	/** Problems whose start lies in [offset, end). */
	public List<Problem> problemsIn(int offset, int end) {
		List<Problem> found = new ArrayList<>();
		for (Problem problem : document.problems()) {
			if (problem.offset() >= offset && problem.offset() < end) {
				found.add(problem);
			}
		}
		return found;
	}
}
