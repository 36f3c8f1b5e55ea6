package org.ganworkbench.core.projects;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.launching.JavaRuntime;
import org.eclipse.osgi.util.NLS;
import org.ganworkbench.core.GanCore;
import org.ganworkbench.core.GanNature;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.model.ModelWriter;
import org.ganworkbench.model.Templates;
import org.osgi.framework.Bundle;

/**
 * Creates GAN projects and models: a Java project with the GAN nature, the GAN Runtime classpath
 * container, the example custom layer in src/, and a model made from a template.
 */
public final class GanProjects {

	/** Where the example custom layer goes, and where its text comes from. */
	public static final String EXAMPLE_LAYER_PATH = "src/gan/layers/ScaledNoise.java"; //$NON-NLS-1$
	private static final String EXAMPLE_LAYER_TEMPLATE = "templates/gan/layers/ScaledNoise.java"; //$NON-NLS-1$
	private static final String TRAINER_BUNDLE = "org.ganworkbench.trainer"; //$NON-NLS-1$

	private GanProjects() {
	}

	public static IProject create(ProjectSpec spec, IProgressMonitor monitor) throws CoreException {
		SubMonitor progress = SubMonitor.convert(monitor, NLS.bind(Messages.GanProjects_creating, spec.name()), 5);
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		IProject project = workspace.getRoot().getProject(spec.name());
		if (project.exists()) {
			throw new CoreException(Status.error(NLS.bind(Messages.GanProjects_exists, spec.name())));
		}
		IProjectDescription description = workspace.newProjectDescription(spec.name());
		description.setLocationURI(spec.location());
		project.create(description, progress.split(1));
		project.open(progress.split(1));
		// Natures added to an open project are configured: the Java builder and ours join the build spec.
		IProjectDescription javaDescription = project.getDescription();
		javaDescription.setNatureIds(new String[] { JavaCore.NATURE_ID });
		project.setDescription(javaDescription, null);
		GanNature.addTo(project);

		IFolder src = project.getFolder("src"); //$NON-NLS-1$
		createFolders(src.getFolder("gan/layers")); //$NON-NLS-1$
		IJavaProject javaProject = JavaCore.create(project);
		javaProject.setRawClasspath(new IClasspathEntry[] { JavaCore.newSourceEntry(src.getFullPath()),
				JavaRuntime.getDefaultJREContainerEntry(), JavaCore.newContainerEntry(GanCore.RUNTIME_CONTAINER) },
				project.getFolder("bin").getFullPath(), progress.split(1)); //$NON-NLS-1$
		write(project.getFile(EXAMPLE_LAYER_PATH), exampleLayer(), progress.split(1));
		createModel(project, spec.model().template() + "." + GanCore.MODEL_EXTENSION, spec.model(), progress.split(1)); //$NON-NLS-1$
		return project;
	}

	/** Creates {@code fileName} in {@code folder} from a template; fails if the file exists. */
	public static IFile createModel(IContainer folder, String fileName, ModelSpec spec, IProgressMonitor monitor)
			throws CoreException {
		IFile file = folder.getFile(IPath.fromPortableString(fileName));
		if (file.exists()) {
			throw new CoreException(Status.error(NLS.bind(Messages.GanProjects_modelExists, file.getFullPath())));
		}
		write(file, modelText(spec), monitor);
		return file;
	}

	/** The text of a new model: the template, with the dataset of the spec written in. */
	public static String modelText(ModelSpec spec) {
		String text = Templates.text(spec.template(), spec.size(), spec.channels());
		if (spec.dataset() != DatasetChoice.SYNTHETIC) {
			text = ModelWriter.set(text, "data.source", spec.dataset().source()); //$NON-NLS-1$
			text = ModelWriter.set(text, "data.path", quote(spec.datasetPath())); //$NON-NLS-1$
		}
		return text;
	}

	/** Why the dataset cannot be used, or {@code null}; cheap enough to call as the user types. */
	public static String datasetProblem(DatasetChoice dataset, String path) {
		if (dataset == DatasetChoice.SYNTHETIC) {
			return null;
		}
		if (path == null || path.isBlank()) {
			return Messages.GanProjects_noDatasetPath;
		}
		File folder = new File(path);
		if (!folder.isDirectory()) {
			return NLS.bind(Messages.GanProjects_notAFolder, path);
		}
		if (dataset == DatasetChoice.FASHION_MNIST) {
			for (String name : new String[] { "train-images-idx3-ubyte", "train-labels-idx1-ubyte" }) { //$NON-NLS-1$ //$NON-NLS-2$
				if (!new File(folder, name).isFile() && !new File(folder, name + ".gz").isFile()) { //$NON-NLS-1$
					return NLS.bind(Messages.GanProjects_noIdxFile, name, path);
				}
			}
			return null;
		}
		String[] images = folder.list((dir, name) -> name.toLowerCase().matches(".*\\.(png|jpe?g)")); //$NON-NLS-1$
		return images == null || images.length == 0 ? NLS.bind(Messages.GanProjects_noImages, path) : null;
	}

	/** The example custom layer's source, as shipped in the trainer bundle. */
	public static String exampleLayer() throws CoreException {
		Bundle trainer = Platform.getBundle(TRAINER_BUNDLE);
		URL entry = trainer == null ? null : trainer.getEntry(EXAMPLE_LAYER_TEMPLATE);
		if (entry == null) {
			throw new CoreException(Status.error(NLS.bind(Messages.GanProjects_noExampleLayer, TRAINER_BUNDLE)));
		}
		try (InputStream in = entry.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new CoreException(Status.error(NLS.bind(Messages.GanProjects_noExampleLayer, TRAINER_BUNDLE), e));
		}
	}

	private static String quote(String text) {
		return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"'; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}

	private static void write(IFile file, String text, IProgressMonitor monitor) throws CoreException {
		if (file.getParent() instanceof IFolder folder) {
			createFolders(folder);
		}
		file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, monitor);
		file.setCharset(StandardCharsets.UTF_8.name(), monitor);
	}

	/** The folder and its missing parents. */
	static void createFolders(IFolder folder) throws CoreException {
		if (folder.exists()) {
			return;
		}
		if (folder.getParent() instanceof IFolder parent) {
			createFolders(parent);
		}
		folder.create(true, true, null);
	}

	/** The runs/ folder of every open GAN project of the workspace (which may not exist yet). */
	public static List<java.nio.file.Path> runFolders() {
		List<java.nio.file.Path> folders = new ArrayList<>();
		for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			IPath location = project.getLocation();
			try {
				if (project.isOpen() && location != null && project.hasNature(GanCore.NATURE_ID)) {
					folders.add(location.toPath().resolve(GanLaunchConstants.RUNS_FOLDER));
				}
			} catch (CoreException e) {
				// a project whose description cannot be read has no runs to show
			}
		}
		return folders;
	}
}
