package org.ganworkbench.core.internal.classpath;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jdt.core.ClasspathContainerInitializer;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;

/** Resolves the GAN Runtime container from the installed trainer and runtime bundles. */
public class GanRuntimeContainerInitializer extends ClasspathContainerInitializer {

	@Override
	public void initialize(IPath containerPath, IJavaProject project) throws CoreException {
		GanRuntimeContainer container = GanRuntimeContainer.create(new SourceJars());
		JavaCore.setClasspathContainer(containerPath, new IJavaProject[] { project },
				new GanRuntimeContainer[] { container }, null);
	}

	@Override
	public String getDescription(IPath containerPath, IJavaProject project) {
		return Messages.GanRuntimeContainer_description;
	}
}
