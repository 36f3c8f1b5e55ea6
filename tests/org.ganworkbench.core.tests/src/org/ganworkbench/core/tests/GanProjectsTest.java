package org.ganworkbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.jdt.core.IClasspathContainer;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.IType;
import org.eclipse.jdt.core.JavaCore;
import org.ganworkbench.core.GanCore;
import org.ganworkbench.core.projects.DatasetChoice;
import org.ganworkbench.core.projects.GanProjects;
import org.ganworkbench.core.projects.ModelSpec;
import org.ganworkbench.core.projects.ProjectSpec;
import org.junit.jupiter.api.Test;

class GanProjectsTest extends WorkspaceProjectTest {

	@Test
	void aNewGanProjectHasTheNatureTheModelAndACompilingCustomLayer() throws Exception {
		project = GanProjects.create(new ProjectSpec("gan-project-test", null,
				new ModelSpec("dcgan", 28, 1, DatasetChoice.SYNTHETIC, null)), null);

		assertTrue(project.hasNature(GanCore.NATURE_ID));
		assertTrue(project.hasNature(JavaCore.NATURE_ID));
		assertTrue(project.getFile("dcgan.gan").exists());
		assertTrue(project.getFile(GanProjects.EXAMPLE_LAYER_PATH).exists());

		IJavaProject javaProject = JavaCore.create(project);
		IClasspathContainer container = JavaCore.getClasspathContainer(GanCore.RUNTIME_CONTAINER, javaProject);
		assertNotNull(container, "the GAN Runtime container resolves");
		List<String> jars = Arrays.stream(container.getClasspathEntries()).map(e -> e.getPath().lastSegment()).toList();
		assertTrue(jars.stream().anyMatch(j -> j.startsWith("nd4j-api")), jars.toString());
		assertTrue(jars.stream().noneMatch(j -> j.endsWith("-linux-x86_64.jar")), "no native jars to compile: " + jars);

		project.build(IncrementalProjectBuilder.FULL_BUILD, null);
		IMarker[] javaErrors = Arrays.stream(project.findMarkers(IMarker.PROBLEM, true,
				IResource.DEPTH_INFINITE)).filter(m -> m.getAttribute(IMarker.SEVERITY, 0) == IMarker.SEVERITY_ERROR)
				.toArray(IMarker[]::new);
		assertEquals(0, javaErrors.length, () -> Arrays.stream(javaErrors)
				.map(m -> m.getResource().getName() + ":" + m.getAttribute(IMarker.LINE_NUMBER, 0) + " "
						+ m.getAttribute(IMarker.MESSAGE, ""))
				.toList().toString());
		String classpath = List.of(javaProject.getResolvedClasspath(true)).toString();
		assertTrue(project.getFile("bin/gan/layers/ScaledNoise.class").exists(), () -> "the custom layer compiled; markers: "
				+ markers(project) + "; classpath: " + classpath);

		IType api = javaProject.findType("org.ganworkbench.trainer.api.CustomLayer");
		assertNotNull(api, "the custom-layer API is on the project's classpath");
		assertEquals(0, project.getFile("dcgan.gan").findMarkers(GanCore.PROBLEM_MARKER, false, 0).length,
				"the template model is valid");
	}

	private static String markers(IProject project) {
		try {
			return Arrays.stream(project.findMarkers(null, true, IResource.DEPTH_INFINITE))
					.map(m -> m.getResource().getName() + ":" + m.getAttribute(IMarker.MESSAGE, "")).toList().toString();
		} catch (Exception e) {
			return e.toString();
		}
	}

	@Test
	void aFashionMnistModelNamesItsFolder() {
		String text = GanProjects.modelText(new ModelSpec("dcgan", 28, 1, DatasetChoice.FASHION_MNIST, "/data/fm"));
		assertTrue(text.contains("source = fashion_mnist"), text);
		assertTrue(text.contains("path = \"/data/fm\""), text);
	}

	@Test
	void datasetProblemsAreSaidAsTheUserTypes() {
		assertNull(GanProjects.datasetProblem(DatasetChoice.SYNTHETIC, ""));
		assertNotNull(GanProjects.datasetProblem(DatasetChoice.FASHION_MNIST, ""));
		assertTrue(GanProjects.datasetProblem(DatasetChoice.FASHION_MNIST, "/no/such/folder").contains("/no/such/folder"));
		assertNotNull(GanProjects.datasetProblem(DatasetChoice.IMAGE_FOLDER, System.getProperty("java.io.tmpdir") + "/x-none"));
	}
}
