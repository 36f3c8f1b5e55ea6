package org.ganworkbench.core.internal.builder;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IResourceDeltaVisitor;
import org.eclipse.core.resources.IResourceVisitor;
import org.ganworkbench.core.GanCore;

/** Collects the model files of a project or of a change; skips derived folders (build output). */
final class ModelFileCollector implements IResourceVisitor, IResourceDeltaVisitor {

	private final List<IFile> files = new ArrayList<>();

	@Override
	public boolean visit(IResource resource) {
		if (resource.isDerived()) {
			return false;
		}
		if (isModel(resource)) {
			files.add((IFile) resource);
		}
		return true;
	}

	@Override
	public boolean visit(IResourceDelta delta) {
		IResource resource = delta.getResource();
		if (resource.isDerived()) {
			return false;
		}
		// Removed files take their markers with them; only added or changed ones need validation.
		if (isModel(resource) && delta.getKind() != IResourceDelta.REMOVED) {
			files.add((IFile) resource);
		}
		return true;
	}

	List<IFile> files() {
		return files;
	}

	static boolean isModel(IResource resource) {
		return resource.getType() == IResource.FILE && GanCore.MODEL_EXTENSION.equals(resource.getFileExtension());
	}
}
