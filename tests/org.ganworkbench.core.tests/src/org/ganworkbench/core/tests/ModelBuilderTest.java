package org.ganworkbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.ganworkbench.core.GanCore;
import org.ganworkbench.core.GanNature;
import org.ganworkbench.model.Templates;
import org.ganworkbench.tests.support.Jobs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelBuilderTest {

	private IProject project;

	@BeforeEach
	void createGanProject() throws Exception {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("builder-test");
		project.create(null);
		project.open(null);
		GanNature.addTo(project);
	}

	@AfterEach
	void deleteProject() throws Exception {
		project.delete(true, true, null);
	}

	@Test
	void natureInstallsTheBuilder() throws Exception {
		assertTrue(project.hasNature(GanCore.NATURE_ID));
		assertTrue(Arrays.stream(project.getDescription().getBuildSpec())
				.anyMatch(c -> GanCore.BUILDER_ID.equals(c.getBuilderName())));
	}

	@Test
	void aBrokenModelGetsMarkersAndFixingItClearsThem() throws Exception {
		IFile file = project.getFile("broken.gan");
		String valid = Templates.text("dcgan", 28, 1);
		// Line 3 of a valid model gets a key the format does not know.
		String[] lines = valid.split("\n", -1);
		int badLine = 3;
		lines[badLine - 1] = lines[badLine - 1] + " wibble = 3";
		file.create(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)), true, null);
		build();

		IMarker[] markers = errors(file);
		assertTrue(markers.length > 0, "a broken model has error markers");
		assertEquals(badLine, markers[0].getAttribute(IMarker.LINE_NUMBER, -1));
		assertTrue(markers[0].getAttribute(IMarker.MESSAGE, "").contains("wibble"),
				markers[0].getAttribute(IMarker.MESSAGE, ""));

		file.setContents(new ByteArrayInputStream(valid.getBytes(StandardCharsets.UTF_8)), true, false, null);
		build();
		assertEquals(0, errors(file).length, "fixing the model clears its markers");
	}

	@Test
	void deletingAModelRemovesItsMarkers() throws Exception {
		IFile file = project.getFile("gone.gan");
		file.create(new ByteArrayInputStream("not a model {".getBytes(StandardCharsets.UTF_8)), true, null);
		build();
		assertTrue(errors(file).length > 0);
		file.delete(true, null);
		build();
		assertEquals(0, project.findMarkers(GanCore.PROBLEM_MARKER, true, IResource.DEPTH_INFINITE).length);
	}

	private void build() throws Exception {
		project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
		Jobs.join(ResourcesPlugin.FAMILY_AUTO_BUILD, Duration.ofMinutes(1));
	}

	private static IMarker[] errors(IFile file) throws CoreException {
		return Arrays.stream(file.findMarkers(GanCore.PROBLEM_MARKER, false, IResource.DEPTH_ZERO))
				.filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR)
				.sorted((a, b) -> Integer.compare(a.getAttribute(IMarker.LINE_NUMBER, 0), b.getAttribute(IMarker.LINE_NUMBER, 0)))
				.toArray(IMarker[]::new);
	}
}
