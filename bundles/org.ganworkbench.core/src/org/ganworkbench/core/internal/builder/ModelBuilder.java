package org.ganworkbench.core.internal.builder;

import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.ganworkbench.core.GanCore;

/**
 * Validates the project's {@code *.gan} files: every file on a full build, only the changed ones on
 * an incremental build. Each problem becomes a marker; a file's old markers go when it is validated
 * again or deleted.
 */
public class ModelBuilder extends IncrementalProjectBuilder {

	private final ModelValidation validation = new ModelValidation();

	@Override
	protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
		IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(getProject());
		if (delta == null) {
			fullBuild(monitor);
		} else {
			incrementalBuild(delta, monitor);
		}
		return null;
	}

	@Override
	protected void clean(IProgressMonitor monitor) throws CoreException {
		getProject().deleteMarkers(GanCore.PROBLEM_MARKER, true, IResource.DEPTH_INFINITE);
	}

	private void fullBuild(IProgressMonitor monitor) throws CoreException {
		ModelFileCollector collector = new ModelFileCollector();
		getProject().accept(collector);
		validateAll(collector.files(), monitor);
	}

	private void incrementalBuild(IResourceDelta delta, IProgressMonitor monitor) throws CoreException {
		ModelFileCollector collector = new ModelFileCollector();
		delta.accept(collector);
		validateAll(collector.files(), monitor);
	}

	private void validateAll(Iterable<IFile> files, IProgressMonitor monitor) throws CoreException {
		int count = 0;
		for (IFile ignored : files) {
			count++;
		}
		SubMonitor progress = SubMonitor.convert(monitor, Messages.ModelBuilder_validating, count);
		for (IFile file : files) {
			if (progress.isCanceled()) {
				throw new OperationCanceledException();
			}
			progress.subTask(file.getFullPath().toString());
			validation.validate(file);
			progress.worked(1);
		}
	}
}
