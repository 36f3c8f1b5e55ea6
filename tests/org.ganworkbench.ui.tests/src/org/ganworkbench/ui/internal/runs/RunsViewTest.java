package org.ganworkbench.ui.internal.runs;

import static org.ganworkbench.ui.tests.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.model.run.MetricNames;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.model.run.RunState;
import org.ganworkbench.model.run.RunSummary;
import org.ganworkbench.model.run.SweepSummary;
import org.ganworkbench.model.run.UserLabels;
import org.ganworkbench.tests.support.ErrorLog;
import org.ganworkbench.tests.support.TrainingLaunches;
import org.ganworkbench.ui.internal.launching.GanSweepLaunchShortcut;
import org.ganworkbench.ui.internal.views.MetricsView;
import org.ganworkbench.ui.internal.views.RunViewsModel;
import org.ganworkbench.ui.internal.views.RunViewsProbe;
import org.ganworkbench.ui.internal.views.SamplesView;
import org.ganworkbench.ui.internal.views.SingularValuesView;
import org.ganworkbench.ui.internal.views.chart.ChartSeries;
import org.ganworkbench.ui.tests.Screenshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Runs view on real runs trained in the test (three short ones, one live, one damaged folder in a
 * sweep): its rows carry each run's own events, it sorts, filters, groups, takes labels, exports
 * what it shows as CSV, overlays the runs selected in the run views, and follows a run that is training;
 * a sweep launched from the IDE shows as a group with its progress and best trial.
 */
class RunsViewTest {

	@TempDir
	Path temp;

	private ErrorLog errorLog;
	private IProject project;
	private RunsView view;

	@BeforeEach
	void open() throws Exception {
		errorLog = new ErrorLog();
		project = TrainingLaunches.smallProject("runs-view-test");
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
	void realRunsAreListedComparedLabelledAndExported() throws Exception {
		// Three runs of 2, 3 and 4 steps, trained side by side.
		List<ILaunch> launches = new ArrayList<>();
		for (int steps = 2; steps <= 4; steps++) {
			launches.add(TrainingLaunches.configuration(project, steps).launch(ILaunchManager.RUN_MODE, null, true));
		}
		for (ILaunch launch : launches) {
			waitUntil("the trainer ends", TrainingLaunches.RUN_TIMEOUT, launch::isTerminated,
					() -> TrainingLaunches.output(launch));
			assertEquals(0, launch.getProcesses()[0].getExitValue(), () -> TrainingLaunches.output(launch));
		}
		// A sweep folder with a damaged trial: its row says unreadable, the others are untouched.
		Path runs = project.getLocation().toPath().resolve(GanLaunchConstants.RUNS_FOLDER);
		Path damaged = Files.createDirectories(runs.resolve("sweep-a/trial-1"));
		Files.writeString(damaged.resolve(RunDirectory.DESCRIPTION), "{\"format\": 1, \"mod");

		view.refresh();
		waitUntil("the view lists the three runs and the damaged trial", () -> view.shownRuns().size() == 4,
				() -> names(view.shownRuns()));
		for (ILaunch launch : launches) {
			RunDirectory run = new RunDirectory(Path.of(launch.getAttribute(GanLaunchConstants.LAUNCH_RUN_DIRECTORY)));
			RunSummary row = row(run.root());
			List<RunEvent> events = run.readEvents();
			RunEvent lastMetrics = events.stream().filter(e -> RunEvent.METRICS.equals(e.type()))
					.reduce((a, b) -> b).orElseThrow();
			long steps = lastMetrics.step();
			assertEquals(RunState.FINISHED, row.state());
			assertEquals(steps + " / " + steps, RunColumn.STEP.text(row), "the step reached of the steps planned");
			assertEquals(String.format(Locale.ROOT, "%.1f",
					((Number) lastMetrics.object("values").get(MetricNames.IMAGES_PER_SEC)).doubleValue()),
					RunColumn.IMAGES_PER_SECOND.text(row), "images/s of the last metrics event");
			assertEquals(run.readDescription().get("model"), RunColumn.MODEL.text(row), "the model named in run.json");
			assertEquals("cpu", RunColumn.BACKEND.text(row));
		}
		RunSummary broken = row(damaged);
		assertEquals(RunState.UNREADABLE, broken.state());
		assertNotNull(broken.reason(), "an unreadable run says why");

		// The trial is grouped under its sweep folder; the three runs are top-level rows.
		TreeItem[] top = view.viewer().getTree().getItems();
		assertEquals(4, top.length, () -> Arrays.toString(top));
		assertTrue(Arrays.stream(top).anyMatch(i -> i.getText(0).startsWith("sweep-a")), () -> Arrays.toString(top));

		// Sorting by Step, up: 2, 3, 4 steps (the unreadable trial's -1 first).
		clickHeader(RunColumn.STEP);
		if (view.viewer().getTree().getSortDirection() != SWT.UP) {
			clickHeader(RunColumn.STEP);
		}
		List<Long> steps = view.shownRuns().stream().filter(r -> r.state() == RunState.FINISHED).map(RunSummary::step)
				.toList();
		assertEquals(List.of(2L, 3L, 4L), steps);

		// Labels are written beside the run and shown at once; the filter finds them.
		Path labelled = view.shownRuns().stream().filter(r -> r.step() == 3).findFirst().orElseThrow().directory();
		new UserLabels("lr-probe", List.of("baseline", "lr 2e-4"), "three steps").write(labelled);
		view.refresh();
		waitUntil("the labelled run shows its name and tags",
				() -> "lr-probe".equals(row(labelled).name()) && "baseline, lr 2e-4".equals(RunColumn.TAGS.text(row(labelled))),
				() -> names(view.shownRuns()));
		view.filterText().setText("baseline");
		assertEquals(List.of("lr-probe"), view.shownRuns().stream().map(RunSummary::name).toList(),
				"the filter matches tags");
		view.filterText().setText("");
		view.stateChoice().select(RunState.UNREADABLE.ordinal() + 1);
		view.refilter();
		assertEquals(List.of(broken.directory()), view.shownRuns().stream().map(RunSummary::directory).toList());
		view.stateChoice().select(0);
		view.refilter();
		Screenshots.sizeWindow();
		IWorkbenchPage page = view.getSite().getPage();
		page.activate(view);
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		Screenshots.save("view-runs");
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);

		// The CSV export has the columns and rows shown.
		Path csv = temp.resolve("runs.csv");
		view.writeCsv(csv);
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		assertEquals(Arrays.stream(RunColumn.values()).map(c -> c.header).toList(), List.of(lines.get(0).split(",")));
		assertEquals(5, lines.size(), () -> String.join("\n", lines));
		assertTrue(lines.stream().anyMatch(l -> l.startsWith("lr-probe,dcgan-28x28x1,finished,3 / 3,")),
				() -> String.join("\n", lines));
		assertTrue(lines.stream().anyMatch(l -> l.startsWith("trial-1,,unreadable,")), () -> String.join("\n", lines));

		compareThreeRuns();

		// A run that trains now shows as running and follows its steps, then finishes.
		ILaunch live = TrainingLaunches.configuration(project, 40).launch(ILaunchManager.RUN_MODE, null, true);
		Path liveRun = Path.of(live.getAttribute(GanLaunchConstants.LAUNCH_RUN_DIRECTORY));
		waitUntil("the live run's row shows it running past step 0", TrainingLaunches.RUN_TIMEOUT,
				() -> view.shownRuns().stream().anyMatch(r -> r.directory().equals(liveRun)
						&& r.state() == RunState.RUNNING && r.step() > 0),
				() -> names(view.shownRuns()) + "\n" + TrainingLaunches.output(live));
		waitUntil("the live run's row shows it finished", TrainingLaunches.RUN_TIMEOUT,
				() -> view.shownRuns().stream().anyMatch(r -> r.directory().equals(liveRun)
						&& r.state() == RunState.FINISHED && r.step() == 40),
				() -> names(view.shownRuns()));
	}

	/**
	 * Selecting the three finished runs overlays them in the run views: a colour and a legend entry a
	 * run in the Metrics and Singular Values charts, and a grid a run, side by side, in the Samples view.
	 */
	private void compareThreeRuns() throws Exception {
		IWorkbenchPage page = view.getSite().getPage();
		MetricsView metrics = (MetricsView) page.showView(MetricsView.ID);
		SingularValuesView sigma = (SingularValuesView) page.showView(SingularValuesView.ID);
		SamplesView samples = (SamplesView) page.showView(SamplesView.ID);
		page.activate(view);
		List<RunSummary> finished = view.shownRuns().stream().filter(r -> r.state() == RunState.FINISHED).toList();
		assertEquals(3, finished.size(), () -> names(view.shownRuns()));
		Set<String> names = finished.stream().map(r -> r.directory().getFileName().toString()).collect(Collectors.toSet());
		view.viewer().setSelection(new StructuredSelection(finished.toArray()), true);

		RunViewsModel model = page.getWorkbenchWindow().getService(RunViewsModel.class);
		waitUntil("the run views compare the three runs selected",
				() -> model.isComparing() && model.sessions().size() == 3, () -> String.valueOf(model.sessions()));
		waitUntil("the images/s chart has a series a run",
				() -> RunViewsProbe.metricSeries(metrics, MetricNames.IMAGES_PER_SEC).size() == 3,
				() -> String.valueOf(RunViewsProbe.metricSeries(metrics, MetricNames.IMAGES_PER_SEC)));
		List<ChartSeries> imagesPerSecond = RunViewsProbe.metricSeries(metrics, MetricNames.IMAGES_PER_SEC);
		assertEquals(names, imagesPerSecond.stream().map(ChartSeries::label).collect(Collectors.toSet()),
				"the legend names the runs");
		assertEquals(3, imagesPerSecond.stream().map(ChartSeries::color).distinct().count(), "one colour a run");
		List<ChartSeries> losses = RunViewsProbe.metricSeries(metrics, MetricNames.LOSS_G);
		assertEquals(6, losses.size(), "loss of G and of D for each of three runs");
		assertEquals(3, losses.stream().map(ChartSeries::color).distinct().count(), "the same colour for a run's losses");

		waitUntil("the singular values of the three runs are overlaid",
				() -> RunViewsProbe.sigmaSeries(sigma).stream().map(ChartSeries::color).distinct().count() == 3,
				() -> String.valueOf(RunViewsProbe.sigmaSeries(sigma).stream().map(ChartSeries::label).toList()));
		for (String name : names) {
			assertTrue(RunViewsProbe.sigmaSeries(sigma).stream().anyMatch(s -> s.label().startsWith(name + " ")),
					() -> name + " has no sigma series");
		}

		waitUntil("the Samples view shows the three runs' grids side by side",
				() -> RunViewsProbe.comparedSampleFiles(samples).size() == 3
						&& RunViewsProbe.comparedSampleFiles(samples).stream().allMatch(java.util.Objects::nonNull),
				() -> String.valueOf(RunViewsProbe.comparedSampleFiles(samples)));
		List<Path> grids = RunViewsProbe.comparedSampleFiles(samples);
		for (int i = 0; i < 3; i++) {
			Path run = model.sessions().get(i).directory().root();
			assertTrue(grids.get(i).startsWith(run), grids.get(i) + " is a grid of " + run);
		}

		page.activate(metrics);
		page.setPartState(page.getReference(metrics), IWorkbenchPage.STATE_MAXIMIZED);
		Screenshots.save("view-metrics-compared");
		// Export Charts as PNG writes the charts as shown: the three runs' colours are in it.
		Path png = temp.resolve("compared.png");
		RunViewsProbe.exportCharts(metrics, png);
		ImageData exported = new ImageData(png.toString());
		assertTrue(exported.width > 300 && exported.height > 200, exported.width + "x" + exported.height);
		Set<RGB> colours = new HashSet<>();
		for (int y = 0; y < exported.height; y++) {
			for (int x = 0; x < exported.width; x++) {
				colours.add(exported.palette.getRGB(exported.getPixel(x, y)));
			}
		}
		for (ChartSeries series : imagesPerSecond) {
			assertTrue(colours.contains(series.color()), series.label() + "'s colour " + series.color() + " is drawn");
		}
		page.setPartState(page.getReference(metrics), IWorkbenchPage.STATE_RESTORED);
		page.activate(view);
	}

	private RunSummary row(Path directory) {
		return view.shownRuns().stream().filter(r -> r.directory().equals(directory.toAbsolutePath().normalize()))
				.findFirst().orElseThrow(() -> new AssertionError("no row for " + directory + ": " + names(view.shownRuns())));
	}

	private void clickHeader(RunColumn column) {
		view.viewer().getTree().getColumn(column.ordinal()).notifyListeners(SWT.Selection, null);
	}

	private static String names(List<RunSummary> runs) {
		return runs.stream().map(r -> r.name() + ":" + r.state().word() + ":" + r.step()).toList().toString();
	}

	/**
	 * Run As > GAN Sweep on a model with a sweep block: the driver runs in its own JVM, the two trials
	 * train beside each other under runs/dcgan-sweep, the view groups them under the sweep with its
	 * progress while they train, and at the end names the best trial and shows its row in bold.
	 */
	@Test
	void aSweepRunsFromTheIdeAndTheViewFollowsIt() throws Exception {
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
