package org.ganworkbench.ui.internal.launching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IProject;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.tests.support.ErrorLog;
import org.ganworkbench.tests.support.TrainingLaunches;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GAN and Sweep tabs check the project and model alike (ModelLaunchTab), each adds its own
 * checks: a resumed run needs no model file; a sweep's master is empty, local or spark://.
 */
class LaunchTabsTest {

	@TempDir
	Path folder;

	private ErrorLog errorLog;
	private IProject project;
	private Shell shell;

	@BeforeEach
	void create() throws Exception {
		errorLog = new ErrorLog();
		project = TrainingLaunches.smallProject("launch-tabs-test");
		shell = new Shell(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
	}

	@AfterEach
	void dispose() throws Exception {
		shell.dispose();
		project.delete(true, true, null);
		errorLog.close();
		errorLog.assertNoErrors();
	}

	@Test
	void bothTabsCheckTheProjectAndTheModel() throws Exception {
		ILaunchConfigurationWorkingCopy configuration = TrainingLaunches.configuration(project, 5).getWorkingCopy();
		for (ModelLaunchTab tab : new ModelLaunchTab[] { new GanMainTab(), new GanSweepTab() }) {
			tab.createControl(shell);
			tab.initializeFrom(configuration);
			assertTrue(tab.isValid(configuration), tab.getName() + ": " + tab.getErrorMessage());
			assertNull(tab.getErrorMessage());

			configuration.setAttribute(GanLaunchConstants.ATTR_MODEL, "missing.gan");
			tab.initializeFrom(configuration);
			assertFalse(tab.isValid(configuration), tab.getName());
			assertEquals(NLS.bind(Messages.GanMainTab_noModel, "missing.gan", project.getName()), tab.getErrorMessage());

			configuration.setAttribute(org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, "no-such");
			tab.initializeFrom(configuration);
			assertFalse(tab.isValid(configuration), tab.getName());
			assertEquals(NLS.bind(Messages.GanMainTab_noProject, "no-such"), tab.getErrorMessage());
			configuration = TrainingLaunches.configuration(project, 5).getWorkingCopy();
		}
	}

	@Test
	void aResumedRunNeedsNoModelAndASweepNeedsAMasterItCanUse() throws Exception {
		ILaunchConfigurationWorkingCopy configuration = TrainingLaunches.configuration(project, 5).getWorkingCopy();
		GanMainTab main = new GanMainTab();
		main.createControl(shell);
		Path checkpoint = Files.createFile(folder.resolve("step-000000004.ckpt"));
		configuration.setAttribute(GanLaunchConstants.ATTR_MODEL, "");
		configuration.setAttribute(GanLaunchConstants.ATTR_RESUME_CHECKPOINT, checkpoint.toString());
		main.initializeFrom(configuration);
		assertTrue(main.isValid(configuration), main.getErrorMessage());

		configuration = TrainingLaunches.configuration(project, 5).getWorkingCopy();
		GanSweepTab sweep = new GanSweepTab();
		sweep.createControl(shell);
		configuration.setAttribute(GanLaunchConstants.ATTR_SWEEP_MASTER, "yarn");
		sweep.initializeFrom(configuration);
		assertFalse(sweep.isValid(configuration));
		assertEquals(NLS.bind(Messages.GanSweepTab_badMaster, "yarn"), sweep.getErrorMessage());
		configuration.setAttribute(GanLaunchConstants.ATTR_SWEEP_MASTER, "spark://127.0.0.1:7077");
		sweep.initializeFrom(configuration);
		assertTrue(sweep.isValid(configuration), sweep.getErrorMessage());
	}
}
