package org.ganworkbench.ui.internal.views;

import static org.ganworkbench.ui.tests.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.Launch;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.tests.support.ErrorLog;
import org.ganworkbench.ui.internal.views.chart.LineChart;
import org.ganworkbench.ui.tests.SyntheticRun;
import org.ganworkbench.ui.tests.UiTestSupport;
import org.ganworkbench.ui.tests.UiThreadProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live run that writes far faster than any trainer does must not freeze the IDE: while 100,000
 * events are appended from another thread, the UI thread may not work longer than
 * {@link #LONGEST_TASK} at a stretch (its CPU time between two probes, see {@link UiThreadProbe}),
 * and the views end up showing every event. The wall-clock delays, which also count garbage
 * collection and the other threads on a small machine, are printed.
 */
class ViewResponsivenessTest {

	private static final int EVENTS = 100_000;
	private static final Duration LONGEST_TASK = Duration.ofMillis(50);
	/** How often the test brings another run view to the front, so that each paints the growing run. */
	private static final int SWITCH_MS = 250;

	@TempDir
	Path temp;

	private ErrorLog errorLog;
	private IWorkbenchPage page;
	private RunViewsModel model;
	private List<IViewPart> views;

	@BeforeEach
	void openViews() throws Exception {
		errorLog = new ErrorLog();
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		page = window.getActivePage();
		model = window.getService(RunViewsModel.class);
		model.setPinned(false);
		views = List.of(page.showView(SamplesView.ID), page.showView(SingularValuesView.ID),
				page.showView(MetricsView.ID));
	}

	@AfterEach
	void closeViews() {
		errorLog.close();
		views.forEach(page::hideView);
		errorLog.assertNoErrors();
	}

	@Test
	void aHundredThousandEventsDoNotBlockTheUiThread() throws Exception {
		SyntheticRun run = SyntheticRun.create(temp.resolve("run-fast"));
		ILaunchManager launches = DebugPlugin.getDefault().getLaunchManager();
		Launch launch = new Launch(null, ILaunchManager.RUN_MODE, null);
		launch.setAttribute(GanLaunchConstants.LAUNCH_RUN_DIRECTORY, run.root().toString());
		launches.addLaunch(launch);
		MetricsView metrics = (MetricsView) views.get(2);
		SingularValuesView singularValues = (SingularValuesView) views.get(1);
		SamplesView samples = (SamplesView) views.get(0);
		LineChart losses = metrics.charts().get(0);
		try {
			waitUntil("the views follow the new live run", () -> model.session() != null && model.session().isLive());
			UiThreadProbe probe = new UiThreadProbe(Display.getCurrent());
			probe.start();
			Switcher switcher = new Switcher();
			switcher.run();
			long start = System.nanoTime();
			CompletableFuture<SyntheticRun.Burst> writing = CompletableFuture.supplyAsync(() -> {
				try {
					return run.writeBurst(1, EVENTS);
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
			waitUntil("the writer is done", Duration.ofMinutes(2), writing::isDone, () -> "writing");
			SyntheticRun.Burst burst = writing.join();
			long written = System.nanoTime() - start;
			waitUntil("the views show every event", Duration.ofMinutes(2),
					() -> !losses.series().isEmpty() && losses.series().get(0).data().size() == burst.metrics()
							&& singularValues.chart().series().size() == SyntheticRun.LAYERS.size()
							&& singularValues.chart().series().get(0).data().size() == burst.sigmaReadings()
							&& samples.stepSlider().getMaximum() == burst.sampleSteps() - 1,
					() -> (losses.series().isEmpty() ? 0 : losses.series().get(0).data().size()) + " of "
							+ burst.metrics() + " metrics, slider max " + samples.stepSlider().getMaximum());
			long shown = System.nanoTime() - start;
			switcher.stop();
			probe.stop();
			System.out.printf("%d events written in %d ms, all shown after %d ms; %s%n", EVENTS, written / 1_000_000,
					shown / 1_000_000, probe);
			assertTrue(probe.longestBusy().compareTo(LONGEST_TASK) <= 0,
					"the UI thread never worked more than " + LONGEST_TASK.toMillis() + " ms at a stretch: " + probe);
		} finally {
			launches.removeLaunch(launch);
		}
	}

	/** Brings the run views to the front in turn, as a user looking at each would. */
	private final class Switcher implements Runnable {
		private boolean running = true;
		private int next;

		@Override
		public void run() {
			if (!running) {
				return;
			}
			page.bringToTop(views.get(next++ % views.size()));
			Display.getCurrent().timerExec(SWITCH_MS, this);
		}

		void stop() {
			running = false;
		}
	}
}
