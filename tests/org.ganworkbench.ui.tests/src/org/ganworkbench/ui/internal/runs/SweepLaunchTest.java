package org.ganworkbench.ui.internal.runs;

import static org.ganworkbench.ui.tests.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.model.run.SweepSummary;
import org.ganworkbench.tests.support.ErrorLog;
import org.ganworkbench.tests.support.TrainingLaunches;
import org.ganworkbench.ui.internal.launching.GanSweepLaunchShortcut;
import org.ganworkbench.ui.tests.Screenshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Run As > GAN Sweep on a model with a sweep block: the driver runs in its own JVM, the two trials
 * train beside each other under runs/dcgan-sweep, the GAN Runs view groups them under the sweep with
 * its progress while they train, and at the end names the best trial and shows its row in bold.
 */
class SweepLaunchTest {

	private ErrorLog errorLog;
	private IProject project;
	private RunsView view;

	@BeforeEach
	void open() throws Exception {
		errorLog = new ErrorLog();
		project = TrainingLaunches.smallProject("sweep-launch-test");
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		view = (RunsView) page.showView(RunsView.ID);
	}

	@AfterEach
	void close() throws Exception {
		for (ILaunch launch : DebugPlugin.getDefault().getLaunchManager().getLaunches()) {
			if (!launch.isTerminated()) {
				launch.terminate();
			}
		}
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().hideView(view);
		project.delete(true, true, null);
		errorLog.close();
		errorLog.assertNoErrors();
	}

	@Test
	void aSweepRunsFromTheIdeAndTheRunsViewFollowsIt() throws Exception {
		IFile model = project.getFile("dcgan.gan");
		TrainingLaunches.setModelValue(project, "training.steps", "12");
		String text = new String(model.getContents().readAllBytes(), model.getCharset());
		text = text.substring(0, text.lastIndexOf('}')) + """
				\tsweep {
				\t\tobjective = loss_g
				\t\tparallel = 2
				\t\tvary "training.g_optimizer.lr" { values = [0.0002, 0.001] }
				\t}
				}
				""";
		model.setContents(new ByteArrayInputStream(text.getBytes(model.getCharset())), true, false, null);

		Screenshots.sizeWindow();
		ILaunchConfiguration configuration = new GanSweepLaunchShortcut().launch(model, "run");
		assertNotNull(configuration, "the shortcut made and launched a GAN Sweep configuration");
		assertEquals(GanLaunchConstants.SWEEP_LAUNCH_TYPE_ID, configuration.getType().getIdentifier());
		waitUntil("the sweep launch starts", () -> launchOf(configuration) != null);
		ILaunch launch = launchOf(configuration);

		Path sweep = project.getLocation().toPath().resolve(GanLaunchConstants.RUNS_FOLDER).resolve("dcgan-sweep");
		waitUntil("the Runs view shows the sweep while its trials train", TrainingLaunches.RUN_TIMEOUT, () -> {
			view.refresh();
			TreeItem group = sweepRow();
			return group != null && group.getText(0).contains("sweep of 2 trials, 2 running");
		}, () -> rows() + "\n" + TrainingLaunches.output(launch));
		// The picture: the Runs view in front of the sweep's console, the trials under their sweep.
		PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage().activate(view);
		view.viewer().setExpandedState(sweepRow().getData(), true);
		Screenshots.save("view-runs-sweep");

		waitUntil("the sweep ends", TrainingLaunches.RUN_TIMEOUT, launch::isTerminated, () -> TrainingLaunches.output(launch));
		assertEquals(0, launch.getProcesses()[0].getExitValue(), () -> TrainingLaunches.output(launch));
		SweepSummary summary = SweepSummary.read(sweep);
		assertEquals(2, summary.count("finished"), summary.toString());
		assertNotNull(summary.best());

		waitUntil("the Runs view names the best trial and shows it in bold", () -> {
			view.refresh();
			TreeItem group = sweepRow();
			if (group == null || !group.getText(0).contains("2 done; best " + summary.best())) {
				return false;
			}
			view.viewer().setExpandedState(group.getData(), true); // the viewer makes the trials' rows
			return Arrays.stream(group.getItems()).anyMatch(item -> item.getText(0).equals(summary.best())
					&& item.getFont(0).equals(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT)));
		}, this::rows);
	}

	private static ILaunch launchOf(ILaunchConfiguration configuration) {
		return Arrays.stream(DebugPlugin.getDefault().getLaunchManager().getLaunches())
				.filter(l -> configuration.equals(l.getLaunchConfiguration())).findFirst().orElse(null);
	}

	private TreeItem sweepRow() {
		return Arrays.stream(view.viewer().getTree().getItems()).filter(i -> i.getText(0).startsWith("dcgan-sweep"))
				.findFirst().orElse(null);
	}

	private String rows() {
		StringBuilder text = new StringBuilder();
		for (TreeItem item : view.viewer().getTree().getItems()) {
			text.append(item.getText(0)).append('\n');
			for (TreeItem child : item.getItems()) {
				text.append("  ").append(child.getText(0)).append(child.getFont(0).getFontData()[0].getStyle() != 0 ? " (bold)" : "")
						.append('\n');
			}
		}
		return text.toString();
	}
}
