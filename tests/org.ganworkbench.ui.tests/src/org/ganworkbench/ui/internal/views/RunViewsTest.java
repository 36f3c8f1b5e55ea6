package org.ganworkbench.ui.internal.views;

import static org.ganworkbench.ui.tests.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.Launch;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.ganworkbench.core.GanCore;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.core.runs.RunSession;
import org.ganworkbench.tests.support.ErrorLog;
import org.ganworkbench.ui.internal.views.chart.ChartSeries;
import org.ganworkbench.ui.internal.views.chart.LineChart;
import org.ganworkbench.ui.tests.SyntheticRun;
import org.ganworkbench.ui.tests.UiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three run views inside a real workbench, fed by the core's run monitor: a replayed run
 * directory, and a live one that grows while the views look at it.
 */
class RunViewsTest {

	@TempDir
	Path temp;

	private ErrorLog errorLog;
	private IWorkbenchPage page;
	private RunViewsModel model;
	private SamplesView samples;
	private SingularValuesView singularValues;
	private MetricsView metrics;

	@BeforeEach
	void openViews() throws Exception {
		errorLog = new ErrorLog();
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		page = window.getActivePage();
		model = window.getService(RunViewsModel.class);
		assertNotNull(model, "the window offers the run views' model");
		model.setPinned(false);
		samples = (SamplesView) page.showView(SamplesView.ID);
		singularValues = (SingularValuesView) page.showView(SingularValuesView.ID);
		metrics = (MetricsView) page.showView(MetricsView.ID);
		assertTrue(page.getWorkbenchWindow().getService(RunViewsModel.class) == model, "one model per window");
	}

	@AfterEach
	void checkLog() {
		errorLog.close();
		page.hideView(samples);
		page.hideView(singularValues);
		page.hideView(metrics);
		errorLog.assertNoErrors();
	}

	@Test
	void aReplayedRunShowsInTheThreeViews() throws Exception {
		Path root = temp.resolve("run-replay");
		SyntheticRun run = SyntheticRun.create(root);
		run.writeSteps(10, 50, 1);
		run.writeSteps(60, 100, 2);
		run.writeSteps(110, 150, 3);
		run.writeSteps(160, 200, 4);
		run.warning(200, "collapse", "samples differ 0.1 as much as real images do");
		run.checkpoint(200);
		run.writeTornLine(210);

		RunSession session = GanCore.runMonitor().open(root);
		assertEquals(List.of(), session.problems(), "a half-written last line is not a problem");

		waitUntil("the samples view shows the latest of four sample steps",
				() -> samples.stepSlider().getMaximum() == 3 && samples.stepSlider().getSelection() == 3
						&& samples.shownImage() != null && samples.shownFile().endsWith("step-000000200-t0.00.png"),
				() -> "max " + samples.stepSlider().getMaximum() + ", file " + samples.shownFile());
		assertEquals(List.of("0.00", "1.00", "0.50"), Arrays.asList(samples.truncationChoice().getItems()));
		assertEquals(SyntheticRun.IMAGE_SIZE, samples.shownImage().width);

		waitUntil("the singular values view draws sigma0 of four layers and flags D/conv1",
				() -> singularValues.chart().series().size() == 4
						&& singularValues.explodingLayers().equals(List.of(SyntheticRun.EXPLODING)),
				() -> singularValues.chart().series().size() + " series, exploding " + singularValues.explodingLayers());
		for (ChartSeries series : singularValues.chart().series()) {
			assertEquals(4, series.data().size(), series.label());
			assertEquals(series.label().startsWith(SyntheticRun.EXPLODING), series.highlighted(), series.label());
		}
		assertEquals(4, singularValues.layerPicker().getCheckedElements().length, "every layer is chosen at first");

		LineChart losses = metrics.charts().get(0);
		waitUntil("the metrics view draws both losses over 20 steps and lists the warning",
				() -> losses.series().size() == 2 && losses.series().get(0).data().size() == 20
						&& metrics.warningTable().getItemCount() == 1,
				() -> losses.series().size() + " loss series, " + metrics.warningTable().getItemCount() + " warnings");
		assertTrue(metrics.warningTable().getItem(0).getText().contains("collapse"));
		assertTrue(metrics.warningTable().isVisible(), "warnings are shown, not only logged");

		model.setCursor(95);
		assertEquals(1, samples.stepSlider().getSelection(), "the samples view jumps to the sample nearest the cursor");
		assertEquals(95, losses.cursor(), "the charts mark the cursor");
		waitUntil("the samples view shows the sample of step 100",
				() -> samples.shownFile() != null && samples.shownFile().endsWith("step-000000100-t0.00.png"),
				() -> String.valueOf(samples.shownFile()));
	}

	@Test
	void aLiveRunUpdatesTheViews() throws Exception {
		Path root = temp.resolve("run-live");
		SyntheticRun run = SyntheticRun.create(root);
		run.writeSteps(10, 50, 1);
		run.writeSteps(60, 100, 2);
		run.writeTornLine(110);

		ILaunchManager launches = DebugPlugin.getDefault().getLaunchManager();
		Launch launch = new Launch(null, ILaunchManager.RUN_MODE, null);
		launch.setAttribute(GanLaunchConstants.LAUNCH_RUN_DIRECTORY, root.toString());
		launches.addLaunch(launch);
		try {
			LineChart losses = metrics.charts().get(0);
			waitUntil("the views follow the new live run",
					() -> model.session() != null && model.session().isLive()
							&& samples.stepSlider().getMaximum() == 1 && samples.shownFile() != null
							&& samples.shownFile().endsWith("step-000000100-t0.00.png")
							&& losses.series().size() == 2 && losses.series().get(0).data().size() == 10,
					() -> "session " + model.session() + ", slider max " + samples.stepSlider().getMaximum());

			run.completeTornLine();
			run.writeSteps(120, 150, 3);
			run.writeSteps(160, 200, 4);
			run.metrics(210, Double.NaN);

			waitUntil("the views show what the trainer appended",
					() -> samples.stepSlider().getMaximum() == 3 && samples.shownFile() != null
							&& samples.shownFile().endsWith("step-000000200-t0.00.png")
							&& losses.series().get(0).data().size() == 21
							&& singularValues.explodingLayers().equals(List.of(SyntheticRun.EXPLODING))
							&& metrics.warningTable().getItemCount() == 1,
					() -> "slider max " + samples.stepSlider().getMaximum() + ", loss points "
							+ losses.series().get(0).data().size() + ", exploding " + singularValues.explodingLayers()
							+ ", warnings " + metrics.warningTable().getItemCount());
			TableItem warning = metrics.warningTable().getItem(0);
			assertTrue(warning.getText().contains("loss_d"), warning.getText());
			assertEquals(4, singularValues.chart().series().get(0).data().size());
		} finally {
			launches.removeLaunch(launch);
		}
		RunSession session = model.session();
		waitUntil("the session ends with its launch", () -> !session.isLive());
	}
}
