package org.ganworkbench.ui.internal.views;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.PixelConverter;
import org.eclipse.jface.util.Throttler;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.ganworkbench.core.runs.RunSession;
import org.ganworkbench.core.runs.history.RunSnapshot;
import org.osgi.framework.FrameworkUtil;

/**
 * The Samples view's continuous truncation: a slider from 0 (none) to 2 in hundredths. A value the
 * trainer logged at the step shown is chosen from the logged grids at once; any other is rendered by
 * the trainer's {@code sample} command from the checkpoint nearest to that step, in the background,
 * once: the PNG is kept in the IDE's state folder by run, checkpoint step and value, so that coming
 * back to it is instant.
 */
final class TruncationSlider {

	/** What the view shows now, asked when the slider comes to rest. */
	interface Target {
		RunSession session();

		RunSnapshot snapshot();

		/** The sample step shown, or -1 without samples. */
		long step();

		/** Chooses a logged grid of the step shown by its truncation; false if none was logged at it. */
		boolean chooseLogged(double truncation);

		/** Shows a grid rendered for the step shown (its pixels not read yet when it came from the cache). */
		void rendered(SampleImage image);

		/** Shows a message in place of the caption: what is being rendered, or why it could not be. */
		void message(String text);
	}

	private static final int HUNDREDTHS = 200;
	/** Dragging passes through many values: render the one it rests on. */
	private static final Duration SETTLE = Duration.ofMillis(300);

	private final Scale scale;
	private final Label valueLabel;
	private final Target target;
	private final Throttler settled;
	private SampleCommandJob rendering;

	/** Adds the slider and its value to row, which has a grid layout with two columns to spare. */
	TruncationSlider(Composite row, Target target) {
		this.target = target;
		scale = new Scale(row, SWT.HORIZONTAL);
		scale.setMinimum(0);
		scale.setMaximum(HUNDREDTHS);
		scale.setPageIncrement(10);
		scale.setToolTipText(Messages.SamplesView_truncationSliderTip);
		GridDataFactory.fillDefaults().hint(140, SWT.DEFAULT).applyTo(scale);
		valueLabel = new Label(row, SWT.NONE);
		GridDataFactory.fillDefaults().hint(new PixelConverter(valueLabel).convertWidthInCharsToPixels(5), SWT.DEFAULT)
				.applyTo(valueLabel);
		valueLabel.setText(SampleCommandJob.format(0));
		settled = new Throttler(row.getDisplay(), SETTLE, this::settled);
		scale.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> {
			valueLabel.setText(SampleCommandJob.format(value()));
			settled.throttledExec();
		}));
	}

	/** Follows a truncation chosen among the logged ones, without rendering anything. */
	void follow(double truncation) {
		scale.setSelection((int) Math.round(truncation * 100));
		valueLabel.setText(SampleCommandJob.format(truncation));
	}

	/** Moves to a truncation as the user would, rendering it if it was not logged; for tests. */
	void moveTo(double truncation) {
		follow(truncation);
		settled();
	}

	void setEnabled(boolean enabled) {
		scale.setEnabled(enabled);
	}

	/** Cancels a rendering, if one runs; when the view closes. */
	void cancel() {
		if (rendering != null) {
			rendering.cancel();
		}
	}

	private double value() {
		return scale.getSelection() / 100.0;
	}

	private void settled() {
		if (scale.isDisposed()) {
			return;
		}
		double truncation = value();
		RunSession session = target.session();
		long step = target.step();
		if (session == null || step < 0 || target.chooseLogged(truncation)) {
			return;
		}
		long checkpoint = nearest(target.snapshot().checkpointSteps(), step);
		if (checkpoint < 0) {
			target.message(Messages.InterpolationJob_noCheckpoint);
			return;
		}
		Path file = cacheFile(session.directory().root(), checkpoint, truncation);
		String caption = NLS.bind(Messages.SampleCommandJob_gridCaption, checkpoint, SampleCommandJob.format(truncation));
		if (Files.isRegularFile(file)) {
			target.rendered(new SampleImage(file, caption, null, null));
			return;
		}
		cancel();
		SampleCommandJob job = SampleCommandJob.grid(session.directory(), checkpoint, truncation, file);
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				scale.getDisplay().asyncExec(() -> renderingDone(job));
			}
		});
		rendering = job;
		target.message(NLS.bind(Messages.SamplesView_rendering, SampleCommandJob.format(truncation), checkpoint));
		job.schedule();
	}

	private void renderingDone(SampleCommandJob job) {
		if (rendering != job || scale.isDisposed()) {
			return;
		}
		rendering = null;
		SampleImage result = job.result();
		if (result != null && result.data() != null) {
			target.rendered(result);
		} else {
			target.message(job.problem() != null ? job.problem() : result != null ? result.error() : ""); //$NON-NLS-1$
		}
	}

	/** The grid's place in the cache: by run (its folder's hash, for two runs of one name), checkpoint and value. */
	static Path cacheFile(Path run, long checkpoint, double truncation) {
		IPath state = Platform.getStateLocation(FrameworkUtil.getBundle(TruncationSlider.class));
		String folder = run.getFileName() + "-" + Integer.toHexString(run.toAbsolutePath().normalize().hashCode()); //$NON-NLS-1$
		return state.toPath().resolve("truncations").resolve(folder).resolve( //$NON-NLS-1$
				String.format(Locale.ROOT, "step-%09d-t%s.png", checkpoint, SampleCommandJob.format(truncation))); //$NON-NLS-1$
	}

	private static long nearest(List<Long> steps, long step) {
		long nearest = -1;
		for (long candidate : steps) {
			if (nearest < 0 || Math.abs(candidate - step) <= Math.abs(nearest - step)) {
				nearest = candidate;
			}
		}
		return nearest;
	}
}
