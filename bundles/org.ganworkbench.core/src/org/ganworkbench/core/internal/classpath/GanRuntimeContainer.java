package org.ganworkbench.core.internal.classpath;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jdt.core.IClasspathContainer;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.JavaCore;
import org.ganworkbench.core.GanCore;
import org.ganworkbench.core.internal.launching.TrainerClasspath;

/**
 * The "GAN Runtime" library of a GAN project: the trainer (whose {@code api} package custom layers
 * implement) and the DL4J/ND4J jars, with sources where the local Maven repository has them.
 * Native builds are left out: compiling needs none, and the launch adds the right one.
 */
final class GanRuntimeContainer implements IClasspathContainer {

	private final IClasspathEntry[] entries;

	private GanRuntimeContainer(IClasspathEntry[] entries) {
		this.entries = entries;
	}

	static GanRuntimeContainer create(SourceJars sources) throws CoreException {
		List<IClasspathEntry> entries = new ArrayList<>();
		for (String path : TrainerClasspath.compileEntries()) {
			File jar = new File(path);
			File source = sources.find(jar);
			entries.add(JavaCore.newLibraryEntry(IPath.fromOSString(path),
					source == null ? null : IPath.fromOSString(source.getAbsolutePath()), null));
		}
		return new GanRuntimeContainer(entries.toArray(IClasspathEntry[]::new));
	}

	@Override
	public IClasspathEntry[] getClasspathEntries() {
		return entries.clone();
	}

	@Override
	public String getDescription() {
		return Messages.GanRuntimeContainer_description;
	}

	@Override
	public int getKind() {
		return K_APPLICATION;
	}

	@Override
	public IPath getPath() {
		return GanCore.RUNTIME_CONTAINER;
	}
}
