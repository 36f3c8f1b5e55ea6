package org.ganworkbench.ui.internal.views;

import java.nio.file.Path;
import java.util.function.DoubleSupplier;

import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.ganworkbench.core.runs.RunSession;
import org.ganworkbench.core.runs.history.RunSnapshot;
import org.osgi.framework.FrameworkUtil;

/**
 * The seeds and the Interpolate button of the Samples view, and the {@link SampleCommandJob} they
 * start, one at a time, whose image or problem ends up on the view's {@link SampleCanvas}. Kept apart
 * from the view so that an interpolation's whole course, from the click to its outcome, reads in one
 * place.
 */
final class InterpolationControls {

	private final SampleCanvas canvas;
	private final DoubleSupplier chosenTruncation;
	private final Runnable interpolationShown;
	private final Spinner seedA;
	private final Spinner seedB;
	private final Button interpolateButton;
	private RunSession session;
	private boolean checkpoints;
	private SampleCommandJob interpolation;

	/**
	 * Fills row with the seeds and the button.
	 *
	 * @param chosenTruncation the truncation chosen in the view, read as an interpolation starts
	 * @param interpolationShown run when an interpolation is shown on canvas
	 */
	InterpolationControls(Composite row, SampleCanvas canvas, DoubleSupplier chosenTruncation,
			Runnable interpolationShown) {
		this.canvas = canvas;
		this.chosenTruncation = chosenTruncation;
		this.interpolationShown = interpolationShown;
		GridLayoutFactory.fillDefaults().numColumns(4).applyTo(row);
		new Label(row, SWT.NONE).setText(Messages.SamplesView_seeds);
		seedA = seedSpinner(row, 1);
		seedB = seedSpinner(row, 2);
		interpolateButton = new Button(row, SWT.PUSH);
		interpolateButton.setText(Messages.SamplesView_interpolate);
		interpolateButton.setToolTipText(Messages.SamplesView_interpolateTip);
		interpolateButton.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> interpolate()));
	}

	private static Spinner seedSpinner(Composite parent, int value) {
		Spinner spinner = new Spinner(parent, SWT.BORDER);
		spinner.setValues(value, 0, Integer.MAX_VALUE, 0, 1, 10);
		return spinner;
	}

	/** The run to interpolate in: the button is enabled while it has a checkpoint and no interpolation runs. */
	void setRun(RunSession session, RunSnapshot snapshot) {
		this.session = session;
		checkpoints = !snapshot.checkpointSteps().isEmpty();
		interpolateButton.setEnabled(checkpoints && interpolation == null);
	}

	/** Cancels the interpolation running, if any; when the view closes. */
	void cancel() {
		if (interpolation != null) {
			interpolation.cancel();
		}
	}

	private void interpolate() {
		if (session == null || interpolation != null) {
			return;
		}
		double truncation = chosenTruncation.getAsDouble();
		long a = seedA.getSelection();
		long b = seedB.getSelection();
		IPath state = Platform.getStateLocation(FrameworkUtil.getBundle(getClass()));
		Path output = state.toPath().resolve("interpolations").resolve(String.format( //$NON-NLS-1$
				"%s-%d-%d-t%s.png", session.name(), a, b, SampleCommandJob.format(truncation))); //$NON-NLS-1$
		SampleCommandJob job = SampleCommandJob.interpolation(session.directory(), truncation, a, b, output);
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				interpolateButton.getDisplay().asyncExec(() -> interpolationDone(job));
			}
		});
		interpolation = job;
		interpolateButton.setEnabled(false);
		canvas.setCaption(Messages.SamplesView_interpolating);
		job.setUser(true);
		job.schedule();
	}

	private void interpolationDone(SampleCommandJob job) {
		interpolation = null;
		if (interpolateButton.isDisposed()) {
			return;
		}
		interpolateButton.setEnabled(checkpoints);
		SampleImage result = job.result();
		if (result != null && result.data() != null) {
			interpolationShown.run();
			canvas.show(result);
		} else {
			String problem = job.problem() != null ? job.problem() : result != null ? result.error() : ""; //$NON-NLS-1$
			canvas.setMessage(problem);
		}
	}
}
