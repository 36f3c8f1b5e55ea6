package org.ganworkbench.trainer.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.Layer;
import org.ganworkbench.model.LayerType;
import org.ganworkbench.model.Network;
import org.ganworkbench.trainer.api.CustomLayer;
import org.ganworkbench.trainer.api.check.CustomLayerCheck;
import org.ganworkbench.trainer.api.check.GradientReport;
import org.ganworkbench.trainer.nn.CustomModule;

/**
 * The gradient check of every custom layer of a model before its run trains: each layer a fresh
 * instance, set up as the model sets it up, checked by {@link CustomLayerCheck} (a batch of at most 4 in
 * double precision: well under a second for a layer on 64x8x8 inputs). The layers that train are not touched, so the run trains
 * exactly as it would without the check. Skipped when a debugger is attached: a breakpoint in the
 * layer must suspend a training step, not the check.
 */
final class RunStartGradientCheck {

	/** A custom layer whose backward disagrees with its forward. */
	static final class Failed extends Exception {
		private static final long serialVersionUID = 1L;
		private final transient Map<String, Object> fields;

		Failed(String message, Map<String, Object> fields) {
			super(message);
			this.fields = fields;
		}

		/** For the failed status event: check, layer, line, class, tensor, relative_error. */
		Map<String, Object> fields() {
			return fields;
		}
	}

	private final PrintStream out;

	RunStartGradientCheck(PrintStream out) {
		this.out = out;
	}

	/**
	 * Checks the custom layers of G, then of D; prints a line for each.
	 *
	 * @throws Failed at the first layer that fails, with a message naming it, its line, the parameter
	 *         (or input) and the error
	 * @throws CustomModule.CustomLayerException when a layer throws in setup, forward or backward
	 */
	void run(GanModel model) throws Failed {
		List<Layer> layers = List.of(model.generator(), model.discriminator()).stream().map(Network::layers)
				.flatMap(List::stream).filter(l -> l.type() == LayerType.CUSTOM).toList();
		if (layers.isEmpty()) {
			return;
		}
		if (debuggerAttached()) {
			out.println("gradient check of the custom layers skipped: a debugger is attached (its breakpoints would"
					+ " stop in the check, not in a training step); check-layer runs it");
			return;
		}
		int batch = Math.min(CustomLayerCheck.BATCH, model.training().batchSize());
		for (Layer layer : layers) {
			String className = layer.stringParam("class", "");
			long[] inputShape = toLong(layer.inputShape().dims());
			CustomLayer instance = CustomModule.instantiate(layer.name(), className);
			GradientReport report = CustomLayerCheck.check(layer.name(), instance, inputShape, layer.params(),
					layer.longParam("params", 0), batch);
			String where = "custom '" + layer.name() + "' (line " + layer.line() + ", " + className + ")";
			if (!report.passed()) {
				throw new Failed("gradient check failed: " + where + ": its backward disagrees with its forward for "
						+ report.failureSummary() + ". Fix the backward (check-layer " + className + " --input "
						+ shapeArgument(inputShape) + paramsArgument(layer.params())
						+ " repeats the check) or train with --gradient-check off", fields(layer, className, report));
			}
			out.println("gradient check: " + where + ": " + report.tensors().stream()
					.map(t -> t.name() + " " + t.errorText()).collect(Collectors.joining(", "))
					+ ": PASS");
		}
	}

	private static Map<String, Object> fields(Layer layer, String className, GradientReport report) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("check", "gradient");
		fields.put("layer", layer.name());
		fields.put("line", layer.line());
		fields.put("class", className);
		if (report.problem() == null) {
			GradientReport.Tensor first = report.failures().get(0);
			fields.put("tensor", first.name());
			if (!Double.isNaN(first.worstError())) {
				fields.put("relative_error", first.worstError());
			}
		}
		return fields;
	}

	/** JDWP on the command line: Debug As, or a debugger test. */
	static boolean debuggerAttached() {
		return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
				.anyMatch(a -> a.startsWith("-agentlib:jdwp") || a.startsWith("-Xrunjdwp") || a.equals("-Xdebug"));
	}

	private static String shapeArgument(long[] shape) {
		StringBuilder text = new StringBuilder();
		for (long d : shape) {
			text.append(text.isEmpty() ? "" : ",").append(d);
		}
		return text.toString();
	}

	/** The layer's own keys as check-layer's --params, or nothing. */
	private static String paramsArgument(Map<String, Object> params) {
		String items = params.entrySet().stream().filter(e -> !List.of("class", "output").contains(e.getKey()))
				.map(e -> e.getKey() + "=" + valueText(e.getValue())).collect(Collectors.joining(","));
		if (items.isEmpty()) {
			return "";
		}
		return " --params " + (items.matches("[A-Za-z0-9_.=,\\[\\]+-]*") ? items : "'" + items + "'");
	}

	private static String valueText(Object value) {
		if (value instanceof Double d) {
			return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
		}
		if (value instanceof String s) {
			return s.matches("[A-Za-z_][A-Za-z0-9_]*") ? s : "\"" + s.replace("\"", "\\\"") + "\"";
		}
		if (value instanceof List<?> list) {
			return list.stream().map(RunStartGradientCheck::valueText).collect(Collectors.joining(",", "[", "]"));
		}
		return String.valueOf(value);
	}

	private static long[] toLong(int[] dims) {
		long[] out = new long[dims.length];
		for (int i = 0; i < dims.length; i++) {
			out[i] = dims[i];
		}
		return out;
	}
}
