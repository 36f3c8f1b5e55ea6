package org.ganworkbench.core.internal.launching;

import java.io.File;
import java.nio.file.Path;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.FileLocator;
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
