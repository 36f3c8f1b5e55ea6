package org.ganworkbench.core.internal.launching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.model.backend.TrainerLaunch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * A CUDA launch from the IDE and from ./gan-workbench start the trainer with the same classpath:
 * the delegate's classpath, over the installed bundles, against TrainerLaunch's over a plugins
 * folder of the same bundles, as the command line reads it.
 */
class CudaLaunchTest {

	@TempDir
	Path dir;

	@Test
	void theIdeAndTheCommandLineAssembleTheSameCudaTrainer() throws Exception {
		List<String> cudaJars = List.of(Files.writeString(dir.resolve("nd4j-cuda-11.6-1.0.0-M2.1.jar"), "").toString(),
				Files.writeString(dir.resolve("nd4j-cuda-11.6-1.0.0-M2.1-linux-x86_64-cudnn.jar"), "").toString());
		ILaunchConfigurationWorkingCopy configuration = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(GanLaunchConstants.LAUNCH_TYPE_ID).newInstance(null, "cuda");
		configuration.setAttribute(GanLaunchConstants.ATTR_BACKEND, GanLaunchConstants.BACKEND_CUDA);
		configuration.setAttribute(GanLaunchConstants.ATTR_GPU_INDEX, 1);
		configuration.setAttribute(GanLaunchDelegate.RESOLVED_BACKEND, cudaJars);
		GanLaunchDelegate delegate = new GanLaunchDelegate();

		List<String> ide = Arrays.asList(delegate.getClasspath(configuration));
		TrainerLaunch commandLine = TrainerLaunch.cuda(TrainerLaunch.installedEntries(pluginsFolder(ide)), cudaJars, 1);

		assertEquals(realNames(ide), realNames(commandLine.classpath()));
		assertTrue(ide.stream().noneMatch(e -> e.matches(".*/nd4j-native[^/]*\\.jar")), "no CPU build: " + ide);
		assertEquals(cudaJars, ide.subList(ide.size() - 2, ide.size()), "the CUDA jars come last");
		assertFalse(delegate.getVMArguments(configuration).contains("onednn"), "no CPU option for CUDA");
		assertTrue(Arrays.asList(delegate.getEnvironment(configuration)).contains("CUDA_VISIBLE_DEVICES=1"));
		assertEquals(java.util.Map.of("CUDA_VISIBLE_DEVICES", "1"), commandLine.environment());
	}

	/** An installed IDE's plugins folder holding the bundles the IDE's launch used. */
	private Path pluginsFolder(List<String> ideClasspath) throws Exception {
		Path plugins = Files.createDirectories(dir.resolve("plugins"));
		for (String name : List.of("org.ganworkbench.trainer", "org.ganworkbench.model")) {
			Files.createSymbolicLink(plugins.resolve(name + "_0.1.0"), bundleLocation(name));
		}
		// The runtime as the product installs it: a folder with its manifest and lib/.
		Path runtime = Files.createDirectories(plugins.resolve("org.ganworkbench.runtime_0.1.0/META-INF"))
				.getParent();
		try (InputStream manifest = Platform.getBundle("org.ganworkbench.runtime").getEntry("META-INF/MANIFEST.MF")
				.openStream()) {
			Files.copy(manifest, runtime.resolve("META-INF/MANIFEST.MF"));
		}
		String libJar = ideClasspath.stream().filter(e -> e.contains("/lib/") && e.endsWith(".jar")).findFirst()
				.orElseThrow();
		Files.createSymbolicLink(runtime.resolve("lib"), Path.of(libJar).getParent());
		return plugins;
	}

	private static Path bundleLocation(String name) {
		Bundle bundle = Platform.getBundle(name);
		Path location = FileLocator.getBundleFileLocation(bundle).orElseThrow().toPath();
		// A bundle run from its project keeps its classes in bin/, as TrainerClasspath knows.
		return Files.isDirectory(location.resolve("bin")) ? location.resolve("bin") : location;
	}

	private static List<String> realNames(List<String> classpath) throws Exception {
		List<String> names = new ArrayList<>();
		for (String entry : classpath) {
			names.add(Path.of(entry).toRealPath().getFileName().toString());
		}
		return names;
	}
}
