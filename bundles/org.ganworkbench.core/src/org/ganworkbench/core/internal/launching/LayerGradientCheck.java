package org.ganworkbench.core.internal.launching;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;
import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.Layer;
import org.ganworkbench.model.LayerType;
import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.Network;

/**
 * The IDE's side of the trainer's {@code check-layer}: where a custom layer class is used in the
 * project's models (its input shape by inference and its keys, so the check runs the layer as training
 * would), and the command run on the project's compiled classes. Headless; the UI asks and shows.
 */
public final class LayerGradientCheck {

	/** A custom layer of a model file that names the class: what the check is given. */
	public record Use(IFile model, String layer, String input, String params) {
	}

	/** What the trainer printed and its exit code (0 pass, 5 a gradient disagrees, 2 the class is wrong). */
	public record Outcome(int exitCode, String output) {
		public boolean passed() {
			return exitCode == 0;
		}
	}

	/** Keys of a custom layer block that are the format's, not the layer's own. */
	private static final Set<String> FORMAT_KEYS = Set.of("class", "input", "inputs", "output", "spectral_norm"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$

	private LayerGradientCheck() {
	}

	/** The first custom layer of the project's model files that names the class, or null when none does. */
	public static Use findUse(IProject project, String className) throws CoreException {
		List<IFile> models = new ArrayList<>();
		project.accept(resource -> {
			if (resource.getType() == IResource.FILE && "gan".equals(resource.getFileExtension())) { //$NON-NLS-1$
				models.add((IFile) resource);
			}
			return true;
		});
		for (IFile file : models) {
			GanModel model;
			try (InputStream in = file.getContents()) {
				model = ModelDocument.read(in.readAllBytes()).model();
			} catch (IOException e) {
				continue;
			}
			if (model == null) {
				continue;
			}
			for (Network network : List.of(model.generator(), model.discriminator())) {
				for (Layer layer : network.layers()) {
					if (layer.type() == LayerType.CUSTOM && className.equals(layer.stringParam("class", null)) //$NON-NLS-1$
							&& layer.inputShape() != null) {
						return new Use(file, layer.name(), dims(layer.inputShape().dims()), params(layer.params()));
					}
				}
			}
		}
		return null;
	}

	/**
	 * Runs {@code check-layer} on the class as the project compiled it; blocks until the trainer ends or
	 * the monitor is cancelled (then null).
	 *
	 * @param input "C,H,W" or "F"
	 * @param params "key=value,..." or null
	 */
	public static Outcome run(IProject project, String className, String input, String params, IProgressMonitor monitor)
			throws CoreException, IOException, InterruptedException {
		List<String> command = new ArrayList<>(TrainerClasspath.command("check-layer", className, "--input", input, //$NON-NLS-1$ //$NON-NLS-2$
				"--classpath", String.join(File.pathSeparator, outputFolders(project)))); //$NON-NLS-1$
		if (params != null && !params.isBlank()) {
			command.add("--params"); //$NON-NLS-1$
			command.add(params);
		}
		TrainerClasspath.Finished finished = TrainerClasspath.run(command, monitor);
		return finished == null ? null : new Outcome(finished.exitCode(), finished.output());
	}

	/** The Java project's output folders on disk: where its compiled custom layers are. */
	private static List<String> outputFolders(IProject project) throws CoreException {
		IJavaProject java = JavaCore.create(project);
		List<IPath> outputs = new ArrayList<>();
		outputs.add(java.getOutputLocation());
		for (IClasspathEntry entry : java.getRawClasspath()) {
			if (entry.getEntryKind() == IClasspathEntry.CPE_SOURCE && entry.getOutputLocation() != null) {
				outputs.add(entry.getOutputLocation());
			}
		}
		IPath root = project.getWorkspace().getRoot().getLocation();
		return outputs.stream().distinct().map(p -> root.append(p).toOSString()).toList();
	}

	private static String dims(int[] dims) {
		return java.util.Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(",")); //$NON-NLS-1$
	}

	/** The layer's own keys as check-layer's --params: numbers plain, strings and words as written. */
	private static String params(Map<String, Object> params) {
		return params.entrySet().stream().filter(e -> !FORMAT_KEYS.contains(e.getKey()))
				.filter(e -> e.getValue() instanceof Number || e.getValue() instanceof String || e.getValue() instanceof Boolean)
				.map(e -> e.getKey() + "=" + plain(e.getValue())).collect(Collectors.joining(",")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static String plain(Object value) {
		if (value instanceof Number number) {
			double d = number.doubleValue();
			return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
					: java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
		}
		return String.valueOf(value);
	}
}
