package org.ganworkbench.core.internal.launching;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.NLS;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.model.backend.CpuFeatures;
import org.ganworkbench.model.backend.TrainerLaunch;
import org.osgi.framework.Bundle;

/**
 * Turns the installed trainer, model and runtime bundles back into a plain JVM classpath for the
 * trainer process. The runtime's jars are those in its lib/ folder, every native build
 * included: {@link TrainerLaunch} picks the backend's, as it does for ./gan-workbench.
 */
public final class TrainerClasspath {

	static final String TRAINER_BUNDLE = TrainerLaunch.TRAINER_BUNDLE;
	static final String MODEL_BUNDLE = TrainerLaunch.MODEL_BUNDLE;
	static final String RUNTIME_BUNDLE = TrainerLaunch.RUNTIME_BUNDLE;

	private TrainerClasspath() {
	}

	/** Absolute paths, trainer first. */
	public static List<String> entries() throws CoreException {
		List<String> entries = new ArrayList<>();
		entries.addAll(bundleEntries(TRAINER_BUNDLE));
		entries.addAll(bundleEntries(MODEL_BUNDLE));
		entries.addAll(bundleEntries(RUNTIME_BUNDLE));
		return entries;
	}

	/** The trainer on the CPU, as a CPU launch starts it (also for the IDE's own short trainer commands). */
	public static TrainerLaunch cpu() throws CoreException {
		return TrainerLaunch.cpu(entries(), CpuFeatures.hasAvx2());
	}

	/**
	 * The command line of one of the IDE's short trainer commands ({@code sample}, {@code check-layer}):
	 * the IDE's own JVM, a Java 21 one as the trainer needs, with the CPU trainer's options and classes.
	 */
	public static List<String> command(String... trainerArguments) throws CoreException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString()); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		TrainerLaunch trainer = cpu();
		command.addAll(trainer.vmArguments());
		command.add("-cp"); //$NON-NLS-1$
		command.add(String.join(File.pathSeparator, trainer.classpath()));
		command.add(GanLaunchConstants.TRAINER_MAIN);
		command.addAll(List.of(trainerArguments));
		return command;
	}

	/** A trainer command's exit code and the end of its output. */
	public record Finished(int exitCode, String output) {
	}

	/** Output kept of a short command: its end, where the verdict or the error is. */
	private static final int OUTPUT_KEPT = 16_000;

	/**
	 * Runs a command from {@link #command} to its end, reading its output meanwhile; null when the
	 * monitor is cancelled first (the process is then destroyed).
	 */
	public static Finished run(List<String> command, IProgressMonitor monitor) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		StringBuilder output = new StringBuilder();
		byte[] buffer = new byte[4096];
		try (InputStream in = process.getInputStream()) {
			while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
				if (monitor.isCanceled()) {
					process.destroy();
					return null;
				}
				keep(output, in, buffer);
			}
			keep(output, in, buffer);
		}
		return new Finished(process.exitValue(), output.toString());
	}

	private static void keep(StringBuilder output, InputStream in, byte[] buffer) throws IOException {
		int n;
		while (in.available() > 0 && (n = in.read(buffer, 0, Math.min(buffer.length, in.available()))) > 0) {
			output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
			if (output.length() > OUTPUT_KEPT) {
				output.delete(0, output.length() - OUTPUT_KEPT);
			}
		}
	}

	/**
	 * What a GAN project compiles against: the trainer (custom-layer API), the model, and the
	 * runtime's jars without the native builds.
	 */
	public static List<String> compileEntries() throws CoreException {
		List<String> entries = new ArrayList<>();
		entries.addAll(bundleEntries(TRAINER_BUNDLE));
		entries.addAll(bundleEntries(MODEL_BUNDLE));
		for (String entry : bundleEntries(RUNTIME_BUNDLE)) {
			if (!TrainerLaunch.isNativeBuild(entry)) {
				entries.add(entry);
			}
		}
		return entries;
	}

	/** A code bundle is one entry; the runtime bundle, a carrier of jars, is every jar in its lib/. */
	private static List<String> bundleEntries(String symbolicName) throws CoreException {
		Bundle bundle = Platform.getBundle(symbolicName);
		if (bundle == null) {
			throw error(NLS.bind(Messages.TrainerClasspath_bundleMissing, symbolicName), null);
		}
		try {
			File location = FileLocator.getBundleFileLocation(bundle).orElseThrow(
					() -> new IOException("no file location for " + symbolicName)); //$NON-NLS-1$
			if (RUNTIME_BUNDLE.equals(symbolicName)) {
				return TrainerLaunch.runtimeJars(location.toPath());
			}
			if (location.isDirectory() && new File(location, "bin").isDirectory()) { //$NON-NLS-1$
				// A bundle run from its project (a development workbench): classes are in bin/.
				return List.of(new File(location, "bin").getAbsolutePath()); //$NON-NLS-1$
			}
			return List.of(location.getAbsolutePath());
		} catch (IOException e) {
			throw error(NLS.bind(Messages.TrainerClasspath_unreadable, symbolicName, e.getMessage()), e);
		}
	}

	private static CoreException error(String message, Throwable cause) {
		return new CoreException(Status.error(message, cause));
	}
}
