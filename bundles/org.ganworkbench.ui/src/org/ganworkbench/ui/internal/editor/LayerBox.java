package org.ganworkbench.ui.internal.editor;

import java.util.List;

import org.eclipse.swt.graphics.Rectangle;
import org.ganworkbench.model.Layer;
import org.ganworkbench.model.NetworkRole;
import org.ganworkbench.model.syntax.Problem;
import org.ganworkbench.model.syntax.Severity;

/**
 * One box of the architecture diagram: a layer of G or D, or the network's input (layer null), with
 * where it is drawn and the problems found inside the layer's source block.
 *
 * @param sourceOffset start of the layer's block in the source (-1 for the input)
 * @param sourceLength length of the layer's block (0 for the input)
 */
public record LayerBox(NetworkRole role, String name, String type, String shape, Layer layer, Rectangle bounds,
		List<Problem> problems, int sourceOffset, int sourceLength) {

	public boolean isInput() {
		return layer == null;
	}

	public boolean hasError() {
		return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
	}

	public boolean hasWarning() {
		return problems.stream().anyMatch(p -> p.severity() == Severity.WARNING);
	}

	public boolean contains(int x, int y) {
		return bounds.contains(x, y);
	}
}
