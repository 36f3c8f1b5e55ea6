package org.ganworkbench.ui.internal.editor;

import static org.ganworkbench.ui.tests.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ICoreRunnable;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.ganworkbench.core.GanCore;
import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.Templates;
import org.ganworkbench.tests.support.ErrorLog;
import org.ganworkbench.ui.tests.ModelTestFiles;
import org.ganworkbench.ui.tests.SyntheticRun;
import org.ganworkbench.ui.tests.UiTestSupport;
import org.ganworkbench.ui.tests.UiThreadProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files that would freeze a plain text editor: a 10 MB model whose layers are one line, and a PNG
 * renamed to .gan. The editor opens each in safe mode (read-only, a message, no text widget holding the
 * whole file), the builder turns the problems into markers with line numbers, and while the test opens
 * the file and goes through the pages and the outline the UI thread never works more than
 * {@link #LONGEST_TASK} at a stretch (its CPU time between two probes, see {@link UiThreadProbe}).
 */
class LargeAndBinaryModelTest {

	private static final Duration LONGEST_TASK = Duration.ofMillis(50);
	/** Reading and building a 10 MB model takes about a second; a busy CI machine may take several. */
	private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(2);
	private static final int TEN_MB = 10_000_000;
	/** The line of the large model's one error: D's output layer has no units. */
	private static final int ERROR_LINE = 9;

	private ModelTestFiles files;
	private IProject project;
	private ErrorLog log;
	/** The longest UI-thread task of each step, in the order run. */
	private final Map<String, Duration> longest = new LinkedHashMap<>();

	@BeforeEach
	void createProject() throws Exception {
		log = new ErrorLog();
		files = new ModelTestFiles("largeModels");
		project = files.withGanNature();
		warmUp();
	}

	@AfterEach
	void deleteProject() throws Exception {
		files.close();
		log.close();
		log.assertNoErrors();
	}

	@Test
	void aTenMegabyteLineOfLayersOpensInSafeMode() throws Exception {
		IFile file = files.write("large.gan", largeModel(TEN_MB));
		GanModelEditor editor = openAndGoThroughPages(file);

		assertTrue(editor.safeModeMessage().startsWith("Large file: 10."), editor.safeModeMessage());
		assertEquals(editor.safeModeMessage(), editor.safeSourceBanner(), "the Source page shows why");
		IMarker[] markers = markers(file);
		assertTrue(markers.length <= ModelDocument.MAX_PROBLEMS + 1, markers.length + " markers");
		assertTrue(Arrays.stream(markers).anyMatch(m -> m.getAttribute(IMarker.LINE_NUMBER, -1) == ERROR_LINE
				&& m.getAttribute(IMarker.MESSAGE, "").contains("units")), describe(markers));
		Tree outline = (Tree) editor.getAdapter(IContentOutlinePage.class).getControl();
		int generatorLayers = outline.getItem(0).getItem(2).getItemCount();
		assertTrue(generatorLayers > 1 && generatorLayers <= 201, generatorLayers + " outline items: capped");
		assertBriefUiTasks();
	}

	@Test
	void aPngRenamedToGanOpensInSafeMode() throws Exception {
		IFile file = files.write("x.gan", png());
		GanModelEditor editor = openAndGoThroughPages(file);

		assertTrue(editor.safeModeMessage().contains("PNG"), editor.safeModeMessage());
		assertEquals(editor.safeModeMessage(), editor.safeSourceBanner(), "the Source page shows why");
		IMarker[] markers = markers(file);
		assertEquals(1, markers.length, describe(markers));
		assertEquals(1, markers[0].getAttribute(IMarker.LINE_NUMBER, -1));
		assertTrue(markers[0].getAttribute(IMarker.MESSAGE, "").contains("PNG"), describe(markers));
		assertBriefUiTasks();
	}

	/**
	 * Opens the file, waits for its markers, shows each page and the outline, each step with its own
	 * probe running.
	 */
	private GanModelEditor openAndGoThroughPages(IFile file) throws Exception {
		GanModelEditor[] opened = new GanModelEditor[1];
		measure("open and read", () -> {
			opened[0] = (GanModelEditor) IDE.openEditor(ModelTestFiles.page(), file, GanModelEditor.ID, true);
			ModelTestFiles.waitUntilRead(opened[0]);
		});
		GanModelEditor editor = opened[0];
		assertEquals(2, editor.getActivePage(), "safe mode opens on the Source page, which says why");
		measure("build markers", () -> {
			buildInTheBackground();
			waitUntil("the builder marks the file", BUILD_TIMEOUT, () -> markers(file).length > 0,
					() -> describe(markers(file)));
		});
		String[] pages = { "Architecture", "Training", "Source" };
		for (int index = 0; index < pages.length; index++) {
			int page = index;
			measure(pages[page] + " page", () -> {
				editor.showPage(page);
				waitUntil("the " + pages[page] + " page is shown", () -> editor.getActivePage() == page);
			});
		}
		measure("outline", () -> {
			ModelTestFiles.page().showView(IPageLayout.ID_OUTLINE);
			ModelTestFiles.page().activate(editor);
			IContentOutlinePage outline = editor.getAdapter(IContentOutlinePage.class);
			assertNotNull(outline);
			waitUntil("the outline shows the model", () -> outline.getControl() instanceof Tree);
		});
		return editor;
	}

	/** One step with a probe of its own; settles the event queue (paints included) before stopping it. */
	private void measure(String step, Step body) throws Exception {
		UiThreadProbe probe = new UiThreadProbe(Display.getCurrent());
		probe.start();
		try {
			body.run();
			settle();
		} finally {
			probe.stop();
		}
		longest.put(step, probe.longestBusy());
		System.out.printf("%s: %s%n", step, probe);
	}

	private void assertBriefUiTasks() {
		String figures = longest.entrySet().stream()
				.map(e -> String.format("%s %.1f ms", e.getKey(), e.getValue().toNanos() / 1e6)).collect(Collectors.joining(", "));
		System.out.println("longest UI-thread task per step: " + figures);
		assertTrue(longest.values().stream().allMatch(d -> d.compareTo(LONGEST_TASK) <= 0),
				"the UI thread never worked more than " + LONGEST_TASK.toMillis() + " ms at a stretch: " + figures);
	}

	/** Runs what is queued for the UI thread now, paints included. */
	private static void settle() {
		Display display = Display.getCurrent();
		while (display.readAndDispatch()) {
			// until the queue is empty
		}
	}

	/**
	 * A small model through every page and the outline first, closed again: class loading, images and
	 * fonts are a first-time cost of the workbench, not of the file (a user's workbench is warm).
	 */
	private void warmUp() throws Exception {
		GanModelEditor editor = files.open(files.write("warm.gan", Templates.text("dcgan", 28, 1)));
		for (int page = 0; page < 3; page++) {
			editor.showPage(page);
		}
		ModelTestFiles.page().showView(IPageLayout.ID_OUTLINE);
		ModelTestFiles.page().activate(editor);
		settle();
		ModelTestFiles.page().closeEditor(editor, false);
		settle();
	}

	/** The project built in a job, as auto-build would (which may be off): the UI thread stays free. */
	private void buildInTheBackground() {
		Job.create("build " + project.getName(),
				(ICoreRunnable) monitor -> project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, monitor)).schedule();
	}

	private static IMarker[] markers(IFile file) {
		try {
			return file.findMarkers(GanCore.PROBLEM_MARKER, false, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			return new IMarker[0];
		}
	}

	private static String describe(IMarker[] markers) {
		return Arrays.stream(markers)
				.map(m -> m.getAttribute(IMarker.LINE_NUMBER, -1) + ": " + m.getAttribute(IMarker.MESSAGE, ""))
				.collect(Collectors.joining("; ", markers.length + " markers: ", ""));
	}

	/**
	 * About {@code bytes} of valid layers on line 5 (dense and leaky_relu in turn, each taking the one
	 * before as input), in a model whose only error is D's output layer on line {@link #ERROR_LINE}.
	 */
	private static String largeModel(int bytes) {
		StringBuilder out = new StringBuilder("gan \"big\" {\n  latent { size = 16 }\n  data { image = [1, 8, 8] }\n  generator {\n   ");
		for (int i = 1; out.length() < bytes; i++) {
			out.append(i % 2 == 1 ? " dense l" + i + " { units = 64 }" : " leaky_relu l" + i + " {}");
		}
		return out.append(" reshape r { shape = [1, 8, 8] } tanh image {}\n  }\n  discriminator {\n")
				.append("    conv c { filters = 4; kernel = 3; padding = 1 }\n    dense out { units = 0 }\n  }\n}\n").toString();
	}

	/** A real PNG image (written with SWT, as SyntheticRun writes its samples). */
	private static byte[] png() {
		ImageData data = new ImageData(32, 32, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
		for (int y = 0; y < 32; y++) {
			for (int x = 0; x < 32; x++) {
				data.setPixel(x, y, x * 8 << 16 | y * 8);
			}
		}
		ImageLoader loader = new ImageLoader();
		loader.data = new ImageData[] { data };
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		loader.save(out, SWT.IMAGE_PNG);
		return out.toByteArray();
	}

	@FunctionalInterface
	private interface Step {
		void run() throws Exception;
	}
}
