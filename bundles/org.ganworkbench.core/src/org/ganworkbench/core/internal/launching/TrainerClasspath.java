package org.ganworkbench.core.internal.launching;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.util.ManifestElement;
import org.eclipse.osgi.util.NLS;
import org.ganworkbench.model.backend.CpuFeatures;
import org.ganworkbench.model.backend.TrainerLaunch;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

/**
 * Turns the installed trainer, model and runtime bundles back into a plain JVM classpath for the
 * trainer process. The runtime's jars are the entries of its Bundle-ClassPath, every native build
 * included: {@link TrainerLaunch} picks the backend's, as it does for ./gan-workbench.
 */
public final class TrainerClasspath {

	static final String TRAINER_BUNDLE = "org.ganworkbench.trainer";
	static final String MODEL_BUNDLE = "org.ganworkbench.model";
	static final String RUNTIME_BUNDLE = "org.ganworkbench.runtime";

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

	private static List<String> bundleEntries(String symbolicName) throws CoreException {
		Bundle bundle = Platform.getBundle(symbolicName);
		if (bundle == null) {
			throw error(NLS.bind(Messages.TrainerClasspath_bundleMissing, symbolicName), null);
		}
		List<String> entries = new ArrayList<>();
		try {
			for (String path : bundleClassPath(bundle)) {
				entries.add(locate(bundle, path));
			}
		} catch (IOException | BundleException e) {
			throw error(NLS.bind(Messages.TrainerClasspath_unreadable, symbolicName, e.getMessage()), e);
		}
		return entries;
	}

	private static List<String> bundleClassPath(Bundle bundle) throws BundleException {
		String header = bundle.getHeaders("").get(Constants.BUNDLE_CLASSPATH); //$NON-NLS-1$
		List<String> paths = new ArrayList<>();
		if (header == null) {
			paths.add("."); //$NON-NLS-1$
			return paths;
		}
		for (ManifestElement element : ManifestElement.parseHeader(Constants.BUNDLE_CLASSPATH, header)) {
			paths.add(element.getValue());
		}
		return paths;
	}

	private static String locate(Bundle bundle, String path) throws IOException {
		if (".".equals(path)) { //$NON-NLS-1$
			File file = FileLocator.getBundleFileLocation(bundle).orElseThrow(
					() -> new IOException("no file location for " + bundle.getSymbolicName())); //$NON-NLS-1$
			if (file.isDirectory() && new File(file, "bin").isDirectory()) { //$NON-NLS-1$
				// A bundle run from its project (a development workbench): classes are in bin/.
				return new File(file, "bin").getAbsolutePath(); //$NON-NLS-1$
			}
			return file.getAbsolutePath();
		}
		URL entry = bundle.getEntry(path);
		if (entry == null) {
			throw new IOException(path + " is listed in Bundle-ClassPath but missing"); //$NON-NLS-1$
		}
		// Extracts the jar when the bundle is itself a jar; a directory-shaped bundle is used in place.
		return new File(FileLocator.toFileURL(entry).getPath()).getAbsolutePath();
	}

	private static CoreException error(String message, Throwable cause) {
		return new CoreException(Status.error(message, cause));
	}
}
