package org.ganworkbench.ui.internal.views;

import static org.ganworkbench.ui.tests.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.WorkbenchException;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.core.projects.DatasetChoice;
import org.ganworkbench.model.ModelWriter;
import org.ganworkbench.model.run.EventLogReader;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.tests.support.ErrorLog;
import org.ganworkbench.ui.internal.editor.EditorDriver;
import org.ganworkbench.ui.internal.editor.GanModelEditor;
import org.ganworkbench.ui.internal.editor.LayerBox;
import org.ganworkbench.ui.internal.launching.GanLaunchShortcut;
import org.ganworkbench.ui.internal.views.chart.LineChart;
import org.ganworkbench.ui.internal.wizards.ModelSpecControls;
import org.ganworkbench.ui.internal.wizards.NewGanProjectWizard;
import org.ganworkbench.ui.tests.ModelTestFiles;
import org.ganworkbench.ui.tests.Screenshots;
import org.ganworkbench.ui.tests.TestWizardDialog;
import org.ganworkbench.ui.tests.UiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The user's path through real widgets of the running workbench: the New GAN Project wizard, an edit
 * in the Training page, a layer broken and mended in the Source page as the diagram shows, Run As
 * through the launch shortcut (which builds the project first, so the example layer is compiled), and
 * the three run views filling with what the trainer wrote. Saves the screenshots of the editor pages
 * and the views on the way (see {@link Screenshots}).
 */
class GanWorkflowTest {

	/** Few steps, as in the core's launch test: the trainer JVM's start costs more than the training. */
	private static final int STEPS = 12;
	/** Small enough to train in seconds, often enough to give every view a few points. */
	private static final Map<String, String> TINY = Map.of("training.batch", "8", "training.intervals.samples", "2",
			"training.intervals.singular_values", "2", "training.intervals.metrics", "1",
			"training.intervals.checkpoints", "4");
	private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

	private ErrorLog errorLog;
	private IWorkbenchPage page;
	private IProject project;
	private ILaunchConfiguration configuration;
	private final List<IViewPart> views = new ArrayList<>();

	@BeforeEach
	void showGanPerspective() throws WorkbenchException {
		errorLog = new ErrorLog();
		page = PlatformUI.getWorkbench().showPerspective("org.ganworkbench.ui.perspective",
				PlatformUI.getWorkbench().getActiveWorkbenchWindow());
		page.getWorkbenchWindow().getService(RunViewsModel.class).setPinned(false);
		Screenshots.sizeWindow();
	}

	@AfterEach
	void cleanUp() throws Exception {
		errorLog.close();
		page.closeAllEditors(false);
		views.forEach(page::hideView);
		ILaunchManager launches = DebugPlugin.getDefault().getLaunchManager();
		for (ILaunch launch : launches.getLaunches()) {
			if (configuration != null && configuration.equals(launch.getLaunchConfiguration())) {
				launch.terminate();
				launches.removeLaunch(launch);
			}
		}
		if (configuration != null) {
			configuration.delete();
		}
		if (project != null) {
			project.delete(IResource.FORCE | IResource.ALWAYS_DELETE_PROJECT_CONTENT, null);
		}
		errorLog.assertNoErrors();
	}

	@Test
	void aNewProjectIsEditedAndTrainedIntoTheLiveViews() throws Exception {
		GanModelEditor editor = createProjectWithTheWizard();
		IDocument document = editor.documentModel().document();

		// Training page: each value typed into the form changes that value, and only it, in the source.
		editor.showPage(1);
		String expected = document.get();
		for (Map.Entry<String, String> setting : TINY.entrySet()) {
			EditorDriver.typeSetting(editor, setting.getKey(), setting.getValue());
			expected = ModelWriter.set(expected, setting.getKey(), setting.getValue());
			assertEquals(expected, document.get(), setting.getKey());
		}
		assertTrue(document.get().contains("batch = 8"), document.get());
		Screenshots.save("editor-training");

		editor.showPage(0);
		assertNotNull(editor.architecturePage().selectLayer("generator", "up1"));
		Screenshots.save("editor-architecture");

		// Source page: a dense layer of no units is drawn red on the diagram, and fine again once mended.
		editor.showPage(2);
		Screenshots.save("editor-source");
		typeInSource(editor, "units = 1 }", "units = 0 }");
		waitUntil("the diagram flags D's layer 'out'",
				() -> layerBoxes(editor).stream().anyMatch(b -> b.name().equals("out") && b.hasError()),
				() -> layerBoxes(editor).toString());
		LayerBox out = layerBoxes(editor).stream().filter(LayerBox::hasError).findFirst().get();
		assertTrue(out.problems().get(0).message().contains("units"), out.problems().toString());
		typeInSource(editor, "units = 0 }", "units = 1 }");
		waitUntil("the diagram is clean again", () -> layerBoxes(editor).stream().noneMatch(LayerBox::hasError),
				() -> layerBoxes(editor).toString());
		assertEquals(expected, document.get());
		editor.doSave(new NullProgressMonitor());
		assertFalse(editor.isDirty());

		SamplesView samples = show(SamplesView.class, SamplesView.ID);
		SingularValuesView singularValues = show(SingularValuesView.class, SingularValuesView.ID);
		MetricsView metrics = show(MetricsView.class, MetricsView.ID);

		ILaunch launch = runAs(editor);
		waitUntil("the trainer ends", RUN_TIMEOUT, launch::isTerminated, () -> "running");
		IProcess process = launch.getProcesses()[0];
		assertEquals(0, process.getExitValue(), () -> output(launch));
		Path runRoot = Path.of(launch.getAttribute(GanLaunchConstants.LAUNCH_RUN_DIRECTORY));
		RunContents run = RunContents.read(runRoot);
		assertEquals(STEPS, run.metricSteps(), "the trainer logged metrics at every step: " + output(launch));
		assertTrue(run.sampleSteps().length >= 2 && run.sigmaReadings() >= 2 && run.layers() > 0, run.toString());

		RunViewsModel model = page.getWorkbenchWindow().getService(RunViewsModel.class);
		LineChart losses = metrics.charts().get(0);
		waitUntil("the Metrics view draws both losses at every step",
				() -> losses.series().size() == 2 && losses.series().get(0).data().size() == run.metricSteps(),
				() -> losses.series().size() + " series, session " + model.session());
		assertTrue(runRoot.endsWith(model.snapshot().runName()), "the views show the launched run");
		waitUntil("the Singular Values view draws sigma0 of every layer at every reading",
				() -> singularValues.chart().series().size() == run.layers() && singularValues.chart().series()
						.stream().allMatch(s -> s.data().size() == run.sigmaReadings()),
				() -> singularValues.chart().series().size() + " series of " + run);
		long lastSampleStep = run.sampleSteps()[run.sampleSteps().length - 1];
		waitUntil("the Samples view shows the latest grid the trainer wrote",
				() -> samples.stepSlider().getMaximum() == run.sampleSteps().length - 1 && samples.shownImage() != null
						&& samples.shownFile() != null
						&& samples.shownFile().getFileName().toString().startsWith(String.format("step-%09d", lastSampleStep)),
				() -> "slider max " + samples.stepSlider().getMaximum() + ", file " + samples.shownFile() + ", " + run);
		assertTrue(samples.shownImage().width > 28, "a grid of several 28x28 images");

		// Any truncation: one the trainer logged is chosen at once; another is rendered from the
		// checkpoint nearest to the step shown, once, and then comes from the cache.
		int loggedWidth = samples.shownImage().width;
		samples.truncationSlider().moveTo(0.73);
		waitUntil("the grid at truncation 0.73 is rendered from the checkpoint", RUN_TIMEOUT,
				() -> samples.shownImage() != null && samples.shownFile().getFileName().toString().endsWith("-t0.73.png"),
				() -> "file " + samples.shownFile());
		Path rendered = samples.shownFile();
		assertEquals(loggedWidth, samples.shownImage().width, "a grid as the trainer logs them");
		FileTime renderedAt = Files.getLastModifiedTime(rendered);
		samples.truncationSlider().moveTo(0.5);
		waitUntil("0.50 was logged: its grid is shown from the run",
				() -> samples.shownFile() != null && samples.shownFile().startsWith(runRoot)
						&& samples.shownFile().getFileName().toString().endsWith("-t0.50.png"),
				() -> "file " + samples.shownFile());
		samples.truncationSlider().moveTo(0.73);
		waitUntil("0.73 again comes from the cache", () -> rendered.equals(samples.shownFile()) && samples.shownImage() != null,
				() -> "file " + samples.shownFile());
		assertEquals(renderedAt, Files.getLastModifiedTime(rendered), "not rendered a second time");

		screenshotOf(samples, "view-samples");
		screenshotOf(singularValues, "view-singular-values");
		screenshotOf(metrics, "view-metrics");
	}

	private GanModelEditor createProjectWithTheWizard() {
		NewGanProjectWizard wizard = new NewGanProjectWizard();
		wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
		TestWizardDialog dialog = new TestWizardDialog(wizard);
		dialog.open();
		try {
			TestWizardDialog.texts(wizard.projectPage().getControl()).get(0).setText("ganWorkflow" + System.nanoTime());
			dialog.next();
			ModelSpecControls controls = wizard.modelPage().controls();
			controls.choose("dcgan", 28, 1);
			controls.chooseDataset(DatasetChoice.SYNTHETIC, null);
			assertTrue(wizard.canFinish(), () -> String.valueOf(wizard.modelPage().getErrorMessage()));
			dialog.finish();
		} finally {
			dialog.closeIfOpen();
		}
		project = wizard.createdProject();
		assertNotNull(project, "Finish created the project");
		waitUntil("the model opens in the model editor", () -> page.getActiveEditor() instanceof GanModelEditor);
		GanModelEditor editor = (GanModelEditor) page.getActiveEditor();
		ModelTestFiles.waitUntilRead(editor);
		return editor;
	}

	/** Selects the first {@code old} in the Source page and types {@code typed} over it. */
	private static void typeInSource(GanModelEditor editor, String old, String typed) {
		int at = editor.documentModel().document().get().indexOf(old);
		assertTrue(at >= 0, old);
		editor.sourceEditor().selectAndReveal(at, old.length());
		StyledText text = editor.sourceEditor().viewer().getTextWidget();
		text.insert(typed);
	}

	private static List<LayerBox> layerBoxes(GanModelEditor editor) {
		return editor.architecturePage().diagram().boxes().stream().filter(b -> !b.isInput()).toList();
	}

	private <T extends IViewPart> T show(Class<T> type, String id) throws Exception {
		T view = type.cast(page.showView(id));
		views.add(view);
		return view;
	}

	/**
	 * Run As > GAN Training on the editor, as the menu does it: the shortcut creates the model's launch
	 * configuration, and a test keeps the run short by setting its steps before the real launch.
	 */
	private ILaunch runAs(GanModelEditor editor) throws Exception {
		IFile model = (IFile) new GanLaunchShortcut().getLaunchableResource(editor);
		ILaunchConfigurationWorkingCopy copy = GanLaunchShortcut.findOrCreate(model).getWorkingCopy();
		copy.setAttribute(GanLaunchConstants.ATTR_STEPS, STEPS);
		copy.setAttribute(IJavaLaunchConfigurationConstants.ATTR_VM_ARGUMENTS, "-Xmx2g");
		configuration = copy.doSave();
		new GanLaunchShortcut().launch(editor, ILaunchManager.RUN_MODE);
		ILaunchManager launches = DebugPlugin.getDefault().getLaunchManager();
		waitUntil("the project is built and the trainer started", RUN_TIMEOUT,
				() -> Arrays.stream(launches.getLaunches())
						.anyMatch(l -> configuration.equals(l.getLaunchConfiguration()) && l.getProcesses().length > 0),
				() -> Arrays.toString(launches.getLaunches()));
		return Arrays.stream(launches.getLaunches()).filter(l -> configuration.equals(l.getLaunchConfiguration()))
				.findFirst().get();
	}

	/** Maximises a view, saves the window, and restores the layout. */
	private void screenshotOf(IViewPart view, String name) throws Exception {
		page.activate(view);
		IWorkbenchPartReference reference = page.getReference(view);
		page.toggleZoom(reference);
		try {
			// Activated after the zoom, the view closes any minimised view (the run's console) shown over it.
			page.activate(view);
			Screenshots.save(name);
		} finally {
			page.toggleZoom(reference);
		}
	}

	private static String output(ILaunch launch) {
		StringBuilder text = new StringBuilder();
		for (IProcess process : launch.getProcesses()) {
			text.append(process.getAttribute(IProcess.ATTR_CMDLINE)).append('\n');
			text.append(process.getStreamsProxy().getOutputStreamMonitor().getContents());
			text.append(process.getStreamsProxy().getErrorStreamMonitor().getContents());
		}
		return text.toString();
	}

	/** What the trainer wrote, read from the run directory without the views, to compare them with. */
	private record RunContents(int metricSteps, int sigmaReadings, int layers, long[] sampleSteps) {

		static RunContents read(Path root) throws Exception {
			EventLogReader reader = new EventLogReader(new RunDirectory(root).events());
			int metrics = 0;
			int sigma = 0;
			int layers = 0;
			List<Long> samples = new ArrayList<>();
			for (List<RunEvent> batch = reader.poll(); !batch.isEmpty(); batch = reader.poll()) {
				for (RunEvent event : batch) {
					switch (event.type()) {
					case RunEvent.METRICS -> metrics++;
					case RunEvent.SIGMA -> {
						sigma++;
						layers = event.list("layers").size();
					}
					case RunEvent.SAMPLE -> {
						if (!samples.contains(event.step())) {
							samples.add(event.step());
						}
					}
					default -> {
						// not compared
					}
					}
				}
			}
			return new RunContents(metrics, sigma, layers, samples.stream().mapToLong(Long::longValue).sorted().toArray());
		}

		@Override
		public String toString() {
			return metricSteps + " metrics, " + sigmaReadings + " sigma readings of " + layers + " layers, samples at "
					+ Arrays.toString(sampleSteps);
		}
	}
}
