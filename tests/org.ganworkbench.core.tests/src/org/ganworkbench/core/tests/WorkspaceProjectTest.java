package org.ganworkbench.core.tests;

import org.eclipse.core.resources.IProject;
import org.junit.jupiter.api.AfterEach;

/** A test that creates one workspace project: the project goes with its run directories after each test. */
abstract class WorkspaceProjectTest {

	protected IProject project;

	@AfterEach
	void deleteProject() throws Exception {
		if (project != null) {
			project.delete(true, true, null);
		}
	}
}
