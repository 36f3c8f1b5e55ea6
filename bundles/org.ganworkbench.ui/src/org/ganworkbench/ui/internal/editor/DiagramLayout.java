package org.ganworkbench.ui.internal.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.ganworkbench.model.Layer;
import org.ganworkbench.model.Network;
import org.ganworkbench.model.NetworkRole;
import org.ganworkbench.model.syntax.Problem;
import org.ganworkbench.model.Shape;
import org.ganworkbench.model.syntax.BlockNode;

/**
 * Places G and D side by side as stacks of boxes, one per layer in topological order, under a box for
 * the network input. Pure geometry: the diagram paints what this computes, tests read it.
 */
final class DiagramLayout {

	static final int MARGIN = 16;
	static final int BOX_WIDTH = 220;
	static final int BOX_HEIGHT = 40;
	static final int GAP = 18;
	static final int HEADER = 26;
	static final int FOOTER = 36;
	/** Room right of each stack for the edges of skip and merge connections. */
	static final int EDGE_LANES = 110;

	/** An input edge that does not come from the box right above: drawn as a lane on the right. */
	record Edge(LayerBox from, LayerBox to, int lane) {
	}

	/** At most this many layers a network are drawn: a canvas of 400,000 boxes would be 23 million pixels high. */
	static final int MAX_LAYERS = 200;

	/** One network's column; {@code hidden} layers after the boxes are not drawn. */
	record Column(NetworkRole role, Network network, int x, List<LayerBox> boxes, List<Edge> skipEdges, int hidden) {
	}

	private final List<Column> columns = new ArrayList<>();
	private final Point size;

	DiagramLayout(ModelSnapshot snapshot) {
		int x = MARGIN;
		int height = 0;
		for (NetworkRole role : NetworkRole.values()) {
			Network network = role == NetworkRole.GENERATOR ? snapshot.model().generator() : snapshot.model().discriminator();
			Column column = column(snapshot, role, network, x);
			columns.add(column);
			x += BOX_WIDTH + EDGE_LANES + MARGIN;
			height = Math.max(height, bottomOf(column));
		}
		size = new Point(x, height + 2 * FOOTER + MARGIN); // room for the "more layers" line
	}

	private static int bottomOf(Column column) {
		List<LayerBox> boxes = column.boxes();
		Rectangle last = boxes.get(boxes.size() - 1).bounds();
		return last.y + last.height;
	}

	private static Column column(ModelSnapshot snapshot, NetworkRole role, Network network, int x) {
		List<LayerBox> boxes = new ArrayList<>();
		Map<String, LayerBox> byName = new LinkedHashMap<>();
		int y = MARGIN + HEADER;
		LayerBox input = new LayerBox(role, role.inputName(), "input", shapeText(network.inputShape()), null, //$NON-NLS-1$
				new Rectangle(x, y, BOX_WIDTH, BOX_HEIGHT), List.of(), -1, 0);
		boxes.add(input);
		byName.put(input.name(), input);
		List<Layer> layers = network.layers();
		for (Layer layer : layers.subList(0, Math.min(layers.size(), MAX_LAYERS))) {
			y += BOX_HEIGHT + GAP;
			BlockNode block = snapshot.layerBlock(role, layer);
			int offset = block != null ? block.offset() : layer.offset();
			int length = block != null ? block.length() : layer.length();
			List<Problem> problems = snapshot.problemsIn(offset, offset + Math.max(length, 1));
			LayerBox box = new LayerBox(role, layer.name(), layer.type().keyword(), shapeText(layer.outputShape()), layer,
					new Rectangle(x, y, BOX_WIDTH, BOX_HEIGHT), problems, offset, length);
			boxes.add(box);
			byName.put(layer.name(), box);
		}
		List<Edge> skips = new ArrayList<>();
		for (int i = 1; i < boxes.size(); i++) {
			LayerBox to = boxes.get(i);
			for (String inputName : to.layer().inputs()) {
				LayerBox from = byName.get(inputName);
				if (from != null && from != boxes.get(i - 1)) {
					skips.add(new Edge(from, to, skips.size()));
				}
			}
		}
		return new Column(role, network, x, boxes, skips, layers.size() - (boxes.size() - 1));
	}

	static String shapeText(Shape shape) {
		return shape == null ? "?" : shape.toString(); //$NON-NLS-1$
	}

	List<Column> columns() {
		return columns;
	}

	List<LayerBox> boxes() {
		List<LayerBox> all = new ArrayList<>();
		for (Column column : columns) {
			all.addAll(column.boxes());
		}
		return all;
	}

	/** Whether a box follows right after another in its stack and only takes that one as input. */
	static boolean isSequential(Column column, int index) {
		if (index == 0) {
			return false;
		}
		LayerBox box = column.boxes().get(index);
		LayerBox previous = column.boxes().get(index - 1);
		return box.layer().inputs().contains(previous.name());
	}

	LayerBox boxAt(int x, int y) {
		for (LayerBox box : boxes()) {
			if (box.contains(x, y)) {
				return box;
			}
		}
		return null;
	}

	Point size() {
		return size;
	}
}
