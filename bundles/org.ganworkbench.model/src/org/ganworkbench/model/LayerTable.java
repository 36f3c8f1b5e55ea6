package org.ganworkbench.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The layer table as text: per network every layer's type, output shape and parameter count (DL4J's
 * count), then the totals. The command line prints it and the docs paste it.
 */
public final class LayerTable {

	private LayerTable() {
	}

	public static String format(GanModel model) {
		StringBuilder out = new StringBuilder();
		network(model.generator(), out);
		out.append('\n');
		network(model.discriminator(), out);
		return out.toString();
	}

	private static void network(Network network, StringBuilder out) {
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "layer", "type", "output", "params" });
		if (network.inputShape() != null) {
			rows.add(new String[] { network.role().inputName(), "input", network.inputShape().toString(), "" });
		}
		for (Layer layer : network.layers()) {
			rows.add(new String[] { layer.name(), layer.type().keyword(), shape(layer.outputShape()),
					count(layer.paramCount()) });
		}
		if (network.sharedEmbeddingParams() > 0) {
			rows.add(new String[] { "(shared)", "class embedding", "", Numbers.grouped(network.sharedEmbeddingParams()) });
		}
		rows.add(new String[] { "total", "", "", count(network.totalParams()) });
		int[] widths = new int[4];
		for (String[] row : rows) {
			for (int i = 0; i < 4; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		out.append(network.role().keyword()).append('\n');
		for (String[] row : rows) {
			// straight into out, no string per line: a network may have 400,000 layers
			int start = out.length();
			out.append("  ");
			for (int i = 0; i < 3; i++) {
				out.append(row[i]);
				spaces(out, widths[i] - row[i].length() + 2);
			}
			spaces(out, widths[3] - row[3].length());
			out.append(row[3]);
			stripTrailing(out, start);
			out.append('\n');
		}
		if (network.trainableParams() != network.totalParams()) {
			out.append("  trainable ").append(count(network.trainableParams()))
					.append(" (batch norm running mean and variance are counted in params but not trained)\n");
		}
	}

	/** A count, or "overflow" where it passed the largest 64-bit count (the model has an error there). */
	private static String count(long count) {
		return count == Counts.TOO_LARGE ? "overflow" : Numbers.grouped(count);
	}

	private static String shape(Shape shape) {
		return shape == null ? "?" : shape.toString();
	}

	private static void spaces(StringBuilder out, int count) {
		for (int i = 0; i < count; i++) {
			out.append(' ');
		}
	}

	private static void stripTrailing(StringBuilder out, int lineStart) {
		int end = out.length();
		while (end > lineStart && out.charAt(end - 1) == ' ') {
			end--;
		}
		out.setLength(end);
	}
}
