package org.ganworkbench.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ganworkbench.model.Layer;
import org.ganworkbench.model.NetworkRole;
import org.ganworkbench.model.syntax.BlockNode;

/**
 * A block in the outline. Nodes are equal when their paths are, so the tree keeps its expanded state
 * across re-parses.
 */
final class OutlineNode {

	private final String path;
	private final BlockNode block;
	private final String label;
	private final List<OutlineNode> children = new ArrayList<>();

	private OutlineNode(String path, BlockNode block, String label) {
		this.path = path;
		this.block = block;
		this.label = label;
	}

	/** The outline of a parse: gan > latent, data, generator (layers), discriminator (layers), training. */
	static List<OutlineNode> of(ModelSnapshot snapshot) {
		List<OutlineNode> roots = new ArrayList<>();
		for (BlockNode block : snapshot.syntax().blocks()) {
			OutlineNode node = new OutlineNode(block.keyword() + '#' + roots.size(), block, headerOf(block));
			addChildren(snapshot, node, null);
			roots.add(node);
		}
		return roots;
	}

	private static void addChildren(ModelSnapshot snapshot, OutlineNode parent, NetworkRole role) {
		int index = 0;
		for (BlockNode child : parent.block.blocks()) {
			String label = headerOf(child);
			if (role != null) {
				label = layerLabel(snapshot, role, child, label);
			}
			OutlineNode node = new OutlineNode(parent.path + '/' + child.keyword() + ':' + child.name() + '#' + index++, child,
					label);
			NetworkRole childRole = child.keyword().equals(NetworkRole.GENERATOR.keyword()) ? NetworkRole.GENERATOR
					: child.keyword().equals(NetworkRole.DISCRIMINATOR.keyword()) ? NetworkRole.DISCRIMINATOR : null;
			if (role == null) {
				addChildren(snapshot, node, childRole);
			}
			parent.children.add(node);
		}
	}

	private static String headerOf(BlockNode block) {
		return block.name() == null ? block.keyword() : block.keyword() + ' ' + block.name();
	}

	private static String layerLabel(ModelSnapshot snapshot, NetworkRole role, BlockNode block, String header) {
		var network = role == NetworkRole.GENERATOR ? snapshot.model().generator() : snapshot.model().discriminator();
		for (Layer layer : network.layers()) {
			if (layer.offset() == block.offset()) {
				return header + "  " + DiagramLayout.shapeText(layer.outputShape()); //$NON-NLS-1$
			}
		}
		return header;
	}

	BlockNode block() {
		return block;
	}

	String label() {
		return label;
	}

	List<OutlineNode> children() {
		return children;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof OutlineNode other && other.path.equals(path);
	}

	@Override
	public int hashCode() {
		return Objects.hash(path);
	}

	@Override
	public String toString() {
		return label;
	}
}
