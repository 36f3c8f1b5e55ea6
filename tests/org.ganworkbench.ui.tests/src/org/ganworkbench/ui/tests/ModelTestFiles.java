package org.ganworkbench.ui.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.ganworkbench.core.GanNature;
import org.ganworkbench.ui.internal.editor.GanModelEditor;

/** A throwaway project with one model file, opened in the model editor. */
public final class ModelTestFiles implements AutoCloseable {

	private final IProject project;

	public ModelTestFiles(String prefix) throws CoreException {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject(prefix + System.nanoTime());
		project.create(null);
		project.open(null);
	}

	public IFile write(String name, String text) throws CoreException {
		return write(name, text.getBytes(StandardCharsets.UTF_8));
	}

	public IFile write(String name, byte[] bytes) throws CoreException {
		IFile file = project.getFile(name);
		file.create(new ByteArrayInputStream(bytes), true, null);
		file.setCharset(StandardCharsets.UTF_8.name(), null);
		return file;
	}

	/** Adds the GAN nature, so the model builder validates the files written after it. */
	public IProject withGanNature() throws CoreException {
		GanNature.addTo(project);
		return project;
	}

	public static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	/** Opens the file and waits until the editor has read it: the parse runs in a job. */
	public GanModelEditor open(IFile file) throws CoreException {
		GanModelEditor editor = (GanModelEditor) IDE.openEditor(page(), file, GanModelEditor.ID, true);
		waitUntilRead(editor);
		return editor;
	}

	public static void waitUntilRead(GanModelEditor editor) {
		UiTestSupport.waitUntil("the editor has read the model", () -> editor.documentModel().hasParsed());
	}

	@Override
	public void close() throws CoreException {
		page().closeAllEditors(false);
		project.delete(IResource.FORCE | IResource.ALWAYS_DELETE_PROJECT_CONTENT, null);
	}
}
