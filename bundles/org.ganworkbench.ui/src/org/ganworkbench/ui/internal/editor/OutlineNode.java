package org.ganworkbench.ui.internal.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.eclipse.osgi.util.NLS;
import org.ganworkbench.model.Layer;
import org.ganworkbench.model.NetworkRole;
import org.ganworkbench.model.syntax.BlockNode;

/**
 * A block in the outline. Nodes are equal when their paths are, so the tree keeps its expanded state
 * across re-parses.
 */
final class OutlineNode {

	/**
	 * More blocks than this under one node are summed up in a last node: a tree item per layer of a
	 * 400,000-layer file would keep the UI thread busy for seconds.
	 */
	static final int MAX_CHILDREN = 200;

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
		OutlineNode file = new OutlineNode("", snapshot.syntax(), ""); //$NON-NLS-1$ //$NON-NLS-2$
		addChildren(snapshot, file, null);
		return file.children;
	}

	private static void addChildren(ModelSnapshot snapshot, OutlineNode parent, NetworkRole role) {
		List<BlockNode> shown = parent.block.firstBlocks(MAX_CHILDREN); // never all 400,000: this is the UI thread
		Layer[] layers = role == null ? null : layersOf(snapshot, role, shown);
		for (int index = 0; index < shown.size(); index++) {
			BlockNode child = shown.get(index);
			String label = headerOf(child);
			if (layers != null && layers[index] != null) {
				label = label + "  " + DiagramLayout.shapeText(layers[index].outputShape()); //$NON-NLS-1$
			}
			OutlineNode node = new OutlineNode(parent.path + '/' + child.keyword() + ':' + child.name() + '#' + index, child,
					label);
			NetworkRole childRole = child.keyword().equals(NetworkRole.GENERATOR.keyword()) ? NetworkRole.GENERATOR
					: child.keyword().equals(NetworkRole.DISCRIMINATOR.keyword()) ? NetworkRole.DISCRIMINATOR : null;
			if (role == null) {
				addChildren(snapshot, node, childRole);
			}
			parent.children.add(node);
		}
		int hidden = parent.block.blockCount() - shown.size();
		if (hidden > 0) {
			parent.children.add(new OutlineNode(parent.path + "/more", parent.block, //$NON-NLS-1$
					NLS.bind(Messages.OutlineNode_more, String.format(Locale.ROOT, "%,d", hidden)))); //$NON-NLS-1$
		}
	}

	private static String headerOf(BlockNode block) {
		return block.name() == null ? block.keyword() : block.keyword() + ' ' + block.name();
	}

	/**
	 * The layer of each shown block (null where none), in at most one pass over the network's layers:
	 * they are mostly in source order, so the pass usually ends after the shown ones.
	 */
	private static Layer[] layersOf(ModelSnapshot snapshot, NetworkRole role, List<BlockNode> blocks) {
		int[] offsets = blocks.stream().mapToInt(BlockNode::offset).toArray(); // source order: sorted
		Layer[] layers = new Layer[offsets.length];
		var network = role == NetworkRole.GENERATOR ? snapshot.model().generator() : snapshot.model().discriminator();
		int found = 0;
		for (Layer layer : network.layers()) {
			int at = Arrays.binarySearch(offsets, layer.offset());
			if (at >= 0 && layers[at] == null) {
				layers[at] = layer;
				if (++found == layers.length) {
					break;
				}
			}
		}
		return layers;
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
