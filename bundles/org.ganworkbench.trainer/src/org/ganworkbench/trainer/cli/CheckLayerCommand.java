package org.ganworkbench.trainer.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ganworkbench.model.syntax.BlockNode;
import org.ganworkbench.model.syntax.ProblemSink;
import org.ganworkbench.model.syntax.PropertyNode;
import org.ganworkbench.model.syntax.SyntaxParser;
import org.ganworkbench.model.syntax.ValueKind;
import org.ganworkbench.model.syntax.ValueNode;
import org.ganworkbench.trainer.api.CustomLayer;
import org.ganworkbench.trainer.api.check.CustomLayerCheck;
import org.ganworkbench.trainer.api.check.GradientReport;
import org.ganworkbench.trainer.build.ModelException;
import org.ganworkbench.trainer.cli.Arguments.UsageException;
import org.ganworkbench.trainer.nn.CustomModule.CustomLayerException;

/**
 * {@code check-layer CLASS --input C,H,W [--classpath DIRS_OR_JARS] [--params KEY=VALUE,...]}: loads a
 * custom layer class (the classpath's classes before the trainer's own, so a project's copy of the
 * example layer is the one checked), sets it up as a model file's {@code custom} block with those keys
 * would, and compares its backward with finite differences of its forward ({@link CustomLayerCheck}).
 * Prints a line for the input and for each parameter, then a verdict; exit 0 when all pass,
 * {@link ExitCode#GRADIENT_CHECK_FAILED} when one fails, {@link ExitCode#INVALID_MODEL} when the class
 * cannot be loaded, is not a custom layer or throws.
 */
final class CheckLayerCommand {

	private final PrintStream out;
	private final PrintStream err;

	CheckLayerCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(Arguments args) throws UsageException, ModelException, IOException {
		if (args.positional().size() != 1) {
			throw new UsageException("check-layer takes one class name (a custom layer, e.g. gan.layers.ScaledNoise)");
		}
		String className = args.positional().get(0);
		if (args.option("input") == null) {
			throw new UsageException("check-layer needs --input C,H,W (the shape of one input sample; F for a vector)");
		}
		long[] inputShape = inputShape(args.option("input"));
		Map<String, Object> options = new LinkedHashMap<>();
		options.put("class", className);
		options.putAll(params(args.option("params")));
		long declared = options.get("params") instanceof Double d ? d.longValue() : -1;
		String classpath = args.option("classpath");
		try (URLClassLoader loader = new LayerClassLoader(urls(classpath), CheckLayerCommand.class.getClassLoader())) {
			Thread thread = Thread.currentThread();
			ClassLoader previous = thread.getContextClassLoader();
			thread.setContextClassLoader(loader);
			try {
				CustomLayer layer = instantiate(className, loader, classpath);
				out.println("check-layer " + className + ": input " + Arrays.toString(inputShape) + ", a batch of "
						+ CustomLayerCheck.BATCH + " in double precision, up to " + CustomLayerCheck.ENTRIES
						+ " entries a tensor");
				GradientReport report = CustomLayerCheck.check(simpleName(className), layer, inputShape,
						Collections.unmodifiableMap(options), declared, CustomLayerCheck.BATCH);
				report.lines().forEach(out::println);
				out.println(report.verdict());
				return report.passed() ? ExitCode.OK : ExitCode.GRADIENT_CHECK_FAILED;
			} catch (CustomLayerException e) {
				err.println(e.getMessage());
				if (e.getCause() != null) {
					e.getCause().printStackTrace(err);
				}
				return ExitCode.INVALID_MODEL;
			} finally {
				thread.setContextClassLoader(previous);
			}
		}
	}

	/** "C,H,W" or "F": positive whole numbers. */
	static long[] inputShape(String text) throws UsageException {
		String[] parts = text.split(",", -1);
		if (parts.length != 1 && parts.length != 3) {
			throw new UsageException("--input is C,H,W (a feature map) or F (a vector), got '" + text + "'");
		}
		long[] shape = new long[parts.length];
		for (int i = 0; i < parts.length; i++) {
			try {
				shape[i] = Long.parseLong(parts[i].strip());
			} catch (NumberFormatException e) {
				shape[i] = 0;
			}
			if (shape[i] < 1 || shape[i] > 1 << 16) {
				throw new UsageException("--input is C,H,W or F in whole numbers from 1 to 65536, got '" + text + "'");
			}
		}
		return shape;
	}

	/**
	 * "KEY=VALUE,..." decoded as a model file decodes a custom block's keys: numbers as Double, true and
	 * false as Boolean, names and quoted strings as String, [lists] as List. Commas inside brackets or
	 * quotes belong to the value.
	 */
	static Map<String, Object> params(String text) throws UsageException {
		Map<String, Object> params = new LinkedHashMap<>();
		if (text == null || text.isBlank()) {
			return params;
		}
		for (String item : splitTopLevel(text)) {
			int equals = item.indexOf('=');
			String key = equals < 0 ? "" : item.substring(0, equals).strip();
			if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
				throw new UsageException("--params is KEY=VALUE,... (the layer's keys as in its model block), got '" + item
						+ "'");
			}
			params.put(key, value(key, item.substring(equals + 1).strip()));
		}
		return params;
	}

	private static Object value(String key, String valueText) throws UsageException {
		String source = "p { " + key + " = " + valueText + " }";
		ProblemSink problems = new ProblemSink(source);
		BlockNode root = SyntaxParser.parse(source, problems);
		PropertyNode property = root.blocks().isEmpty() ? null : root.blocks().get(0).property(key);
		if (problems.hasErrors() || property == null || root.blocks().get(0).properties().size() != 1
				|| property.value().kind() == ValueKind.INVALID) {
			String why = problems.problems().isEmpty() ? "not one value" : problems.problems().get(0).message();
			throw new UsageException("--params: " + key + " = " + valueText + ": " + why);
		}
		ValueNode value = property.value();
		if (value.kind() == ValueKind.LIST) {
			List<Object> items = new ArrayList<>();
			for (ValueNode item : value.items()) {
				items.add(item.value());
			}
			return List.copyOf(items);
		}
		return value.value();
	}

	private static List<String> splitTopLevel(String text) {
		List<String> items = new ArrayList<>();
		int depth = 0;
		boolean quoted = false;
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
				quoted = !quoted;
			} else if (!quoted && c == '[') {
				depth++;
			} else if (!quoted && c == ']') {
				depth--;
			} else if (!quoted && depth <= 0 && c == ',') {
				items.add(text.substring(start, i));
				start = i + 1;
			}
		}
		items.add(text.substring(start));
		return items;
	}

	private static URL[] urls(String classpath) throws UsageException, MalformedURLException {
		if (classpath == null || classpath.isBlank()) {
			return new URL[0];
		}
		List<URL> urls = new ArrayList<>();
		for (String entry : classpath.split(File.pathSeparator)) {
			if (entry.isBlank()) {
				continue;
			}
			Path path = Path.of(entry).toAbsolutePath();
			if (!Files.exists(path)) {
				throw new UsageException("--classpath: " + path + " does not exist (build the project first?)");
			}
			urls.add(path.toUri().toURL());
		}
		return urls.toArray(URL[]::new);
	}

	private static CustomLayer instantiate(String className, ClassLoader loader, String classpath) throws ModelException {
		Class<?> type;
		try {
			type = Class.forName(className, true, loader);
		} catch (ClassNotFoundException e) {
			throw new ModelException("check-layer: class " + className + " not found on the classpath ("
					+ (classpath == null ? "the trainer's; give the project's compiled classes with --classpath"
							: classpath + ", then the trainer's")
					+ ")", e);
		} catch (LinkageError e) {
			throw new ModelException("check-layer: class " + className + " cannot be loaded: " + e, e);
		}
		if (!CustomLayer.class.isAssignableFrom(type)) {
			throw new ModelException("check-layer: " + className + " is not a custom layer: it does not implement "
					+ CustomLayer.class.getName());
		}
		try {
			return (CustomLayer) type.getConstructor().newInstance();
		} catch (ReflectiveOperationException | RuntimeException e) {
			Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ? e.getCause() : e;
			throw new ModelException("check-layer: cannot create " + className
					+ " with its public no-argument constructor: " + cause, cause);
		}
	}

	private static String simpleName(String className) {
		return className.substring(className.lastIndexOf('.') + 1);
	}

	/**
	 * The classpath's classes before the trainer's (a project's own copy of the example layer wins over
	 * the one compiled into the trainer), except the JDK's, the trainer's and ND4J's, which must be the
	 * trainer's for the layer to be one of its custom layers.
	 */
	private static final class LayerClassLoader extends URLClassLoader {

		private static final List<String> SHARED = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
				"org.ganworkbench.", "org.nd4j.", "org.bytedeco.", "org.slf4j.");

		static {
			ClassLoader.registerAsParallelCapable();
		}

		LayerClassLoader(URL[] urls, ClassLoader parent) {
			super("check-layer", urls, parent);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (SHARED.stream().anyMatch(name::startsWith)) {
				return super.loadClass(name, resolve);
			}
			synchronized (getClassLoadingLock(name)) {
				Class<?> type = findLoadedClass(name);
				if (type == null) {
					try {
						type = findClass(name);
					} catch (ClassNotFoundException e) {
						return super.loadClass(name, resolve);
					}
				}
				if (resolve) {
					resolveClass(type);
				}
				return type;
			}
		}
	}
}
