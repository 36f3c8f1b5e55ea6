package org.ganworkbench.demo.internal;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.ganworkbench.core.projects.DatasetChoice;
import org.ganworkbench.core.projects.GanProjects;
import org.ganworkbench.core.projects.ModelSpec;
import org.ganworkbench.core.projects.ProjectSpec;
import org.ganworkbench.model.ModelWriter;

/**
 * The demo workspace that {@code ./gan-workbench} opens: a DCGAN project on the built-in synthetic
 * images, plus a Fashion-MNIST one when that dataset is installed. A project that exists is left
 * exactly as it is, so a user's edits survive every later start.
 */
public final class DemoWorkspace {

	public static final String SYNTHETIC_PROJECT = "gan-demo"; //$NON-NLS-1$
	public static final String FASHION_PROJECT = "fashion-mnist-demo"; //$NON-NLS-1$
	public static final String MODEL = "dcgan.gan"; //$NON-NLS-1$
	public static final String WELCOME = "START-HERE.txt"; //$NON-NLS-1$
	static final String FASHION_MNIST = "/usr/share/datasets/fashion-mnist"; //$NON-NLS-1$

	private DemoWorkspace() {
	}

	/** Creates the demo projects that are missing; returns the model to show. */
	public static IFile ensure(IProgressMonitor monitor) throws CoreException {
		SubMonitor progress = SubMonitor.convert(monitor, Messages.DemoWorkspace_creating, 2);
		IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
		IProject demo = root.getProject(SYNTHETIC_PROJECT);
		if (!demo.exists()) {
			create(SYNTHETIC_PROJECT, DatasetChoice.SYNTHETIC, null, progress.split(1));
		}
		IProject fashion = root.getProject(FASHION_PROJECT);
		if (!fashion.exists() && GanProjects.datasetProblem(DatasetChoice.FASHION_MNIST, FASHION_MNIST) == null
				&& new File(FASHION_MNIST).isDirectory()) {
			create(FASHION_PROJECT, DatasetChoice.FASHION_MNIST, FASHION_MNIST, progress.split(1));
		}
		return demo.getFile(MODEL);
	}

	private static void create(String name, DatasetChoice dataset, String path, IProgressMonitor monitor)
			throws CoreException {
		IProject project = GanProjects.create(new ProjectSpec(name, null, new ModelSpec("dcgan", 28, 1, dataset, path)), //$NON-NLS-1$
				monitor);
		IFile model = project.getFile(MODEL);
		try {
			String text = new String(model.getContents().readAllBytes(), model.getCharset());
			// Samples and singular values early and often: the views fill within the first minute.
			text = ModelWriter.set(text, "training.intervals.samples", "25"); //$NON-NLS-1$ //$NON-NLS-2$
			text = ModelWriter.set(text, "training.intervals.singular_values", "10"); //$NON-NLS-1$ //$NON-NLS-2$
			text = ModelWriter.set(text, "training.intervals.metrics", "5"); //$NON-NLS-1$ //$NON-NLS-2$
			model.setContents(new ByteArrayInputStream(text.getBytes(model.getCharset())), true, false, null);
		} catch (java.io.IOException e) {
			throw new CoreException(org.eclipse.core.runtime.Status.error(e.getMessage(), e));
		}
		project.getFile(WELCOME).create(
				new ByteArrayInputStream(Messages.DemoWorkspace_welcome.getBytes(StandardCharsets.UTF_8)), true, null);
	}
}
