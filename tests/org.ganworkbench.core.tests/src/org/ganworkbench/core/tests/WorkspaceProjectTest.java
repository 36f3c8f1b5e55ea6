package org.ganworkbench.core.tests;

import org.eclipse.core.resources.IProject;
import org.ganworkbench.tests.support.ErrorLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test that creates one workspace project: the project goes with its run directories after each
 * test, and nothing may be logged as an error meanwhile.
 */
abstract class WorkspaceProjectTest {

	protected IProject project;
	protected ErrorLog errorLog;

	@BeforeEach
	void watchErrorLog() {
		errorLog = new ErrorLog();
	}

	@AfterEach
	void deleteProject() throws Exception {
		try {
			if (project != null) {
				project.delete(true, true, null);
			}
			errorLog.assertNoErrors();
		} finally {
			errorLog.close();
		}
	}
}
