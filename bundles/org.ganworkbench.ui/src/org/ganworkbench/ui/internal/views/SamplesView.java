package org.ganworkbench.ui.internal.views;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.PixelConverter;
import org.eclipse.jface.util.Throttler;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.ganworkbench.core.runs.RunSession;
import org.ganworkbench.core.runs.history.RunSnapshot;
import org.ganworkbench.core.runs.history.SampleEntry;

/**
 * The sample grids of the run shown: the latest one, or any earlier one through the step slider, at
 * each truncation the trainer sampled; zoomed without blurring; saved as PNG; and a latent
 * interpolation between two seeds made from the latest checkpoint. Runs compared are shown side by
 * side, each at its sample step nearest to the one slider's step.
 */
public class SamplesView extends RunView {

	public static final String ID = "org.ganworkbench.ui.views.samples"; //$NON-NLS-1$

	private Throttler refresher;
	private Scale stepScale;
	private Label stepLabel;
	private Combo truncationCombo;
	private TruncationSlider truncationSlider;
	private Button saveButton;
	private Composite single;
	private SampleCanvas canvas;
	private SampleComparison comparison;
	private InterpolationControls interpolation;
	private RunSnapshot snapshot = RunSnapshot.EMPTY;
	private RunSession session;
	private boolean following = true;
	/** An image made on demand (an interpolation, a grid at an unlogged truncation) is shown: kept until the user moves on. */
	private boolean showingMade;
	private List<SampleEntry> stepSamples = List.of();
	/** While runs are compared: their snapshots, the steps any of them sampled, and the truncations offered. */
	private List<RunSnapshot> compared = List.of();
	private long[] comparedSteps = new long[0];
	private List<Double> comparedTruncations;

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		createStepRow(parent);
		createImageRow(parent);
		single = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(single);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(single);
		Composite seeds = new Composite(single, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(seeds);
		canvas = new SampleCanvas(single);
		comparison = new SampleComparison(parent);
		interpolation = new InterpolationControls(seeds, canvas, this::chosenTruncation,
				() -> showingMade = true);

		refresher = new Throttler(parent.getDisplay(), Duration.ofMillis(150), this::refresh);
		listen();
		refresh();
	}

	private void createStepRow(Composite parent) {
		Composite row = new Composite(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(row);
		new Label(row, SWT.NONE).setText(Messages.SamplesView_step);
		stepScale = new Scale(row, SWT.HORIZONTAL);
		stepScale.setMinimum(0);
		stepScale.setMaximum(1);
		stepScale.setPageIncrement(1);
		GridDataFactory.fillDefaults().grab(true, false).hint(150, SWT.DEFAULT).applyTo(stepScale);
		stepScale.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> stepMoved()));
		stepLabel = new Label(row, SWT.NONE);
		GridDataFactory.fillDefaults().hint(new PixelConverter(stepLabel).convertWidthInCharsToPixels(24), SWT.DEFAULT)
				.applyTo(stepLabel);
	}

	private void createImageRow(Composite parent) {
		Composite row = new Composite(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
		GridLayoutFactory.fillDefaults().numColumns(7).applyTo(row);
		new Label(row, SWT.NONE).setText(Messages.SamplesView_truncation);
		truncationCombo = new Combo(row, SWT.READ_ONLY);
		truncationCombo.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> truncationChosen()));
		truncationSlider = new TruncationSlider(row, new TruncationSlider.Target() {
			@Override
			public RunSession session() {
				return session;
			}

			@Override
			public RunSnapshot snapshot() {
				return snapshot;
			}

			@Override
			public long step() {
				return stepSamples.isEmpty() ? -1 : stepSamples.get(0).step();
			}

			@Override
			public boolean chooseLogged(double truncation) {
				for (int i = 0; i < stepSamples.size(); i++) {
					if (Math.abs(stepSamples.get(i).truncation() - truncation) < 0.005) {
						truncationCombo.select(i);
						truncationChosen();
						return true;
					}
				}
				return false;
			}

			@Override
			public void rendered(SampleImage image) {
				showingMade = true;
				if (image.data() == null) {
					canvas.show(image.file(), image.caption());
				} else {
					canvas.show(image);
				}
			}

			@Override
			public void message(String text) {
				canvas.setMessage(text);
			}
		});
		new Label(row, SWT.NONE).setText(Messages.SamplesView_zoom);
		Combo zoomCombo = new Combo(row, SWT.READ_ONLY);
		for (ZoomLevel level : ZoomLevel.values()) {
			zoomCombo.add(level.label());
		}
		zoomCombo.select(0);
		zoomCombo.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> {
			ZoomLevel zoom = ZoomLevel.values()[Math.max(0, zoomCombo.getSelectionIndex())];
			canvas.setZoom(zoom);
			comparison.setZoom(zoom);
		}));
		saveButton = new Button(row, SWT.PUSH);
		saveButton.setText(Messages.SamplesView_save);
		saveButton.addSelectionListener(
				SelectionListener.widgetSelectedAdapter(e -> canvas.save(getSite().getShell())));
	}

	@Override
	public void setFocus() {
		stepScale.setFocus();
	}

	@Override
	protected void stopRefreshing() {
		if (canvas != null) {
			canvas.cancel();
			comparison.cancel();
			truncationSlider.cancel();
		}
		if (interpolation != null) {
			interpolation.cancel();
		}
	}

	@Override
	public void runChanged() {
		if (!stepScale.isDisposed()) {
			refresher.throttledExec();
		}
	}

	@Override
	public void cursorChanged(long step) {
		following = step == RunViewsModel.LATEST;
		if (!compared.isEmpty()) {
			int index = following ? comparedSteps.length - 1 : RunSnapshot.nearestIndex(comparedSteps, step);
			if (index >= 0) {
				selectComparedStep(index);
			}
			return;
		}
		int index = following ? snapshot.sampleStepCount() - 1 : snapshot.nearestSampleIndex(step);
		if (index >= 0) {
			showingMade = false;
			selectStep(index);
		}
	}

	/** Takes the newest snapshot: new sample steps widen the slider; a following view jumps to the last. */
	private void refresh() {
		if (stepScale.isDisposed()) {
			return;
		}
		setContentDescription(RunLabels.describe(model));
		RunSession newSession = model.session();
		if (newSession != session) {
			session = newSession;
			following = true;
			showingMade = false;
		}
		boolean comparing = model.isComparing();
		single.setVisible(!comparing);
		((GridData) single.getLayoutData()).exclude = comparing;
		comparison.setVisible(comparing);
		if (comparing) {
			refreshComparison();
			return;
		}
		compared = List.of();
		comparedTruncations = null;
		long selectedStep = snapshot.sampleStepCount() > 0
				? snapshot.sampleStep(Math.min(stepScale.getSelection(), snapshot.sampleStepCount() - 1))
				: -1;
		snapshot = model.snapshot();
		int count = snapshot.sampleStepCount();
		stepScale.setMaximum(Math.max(1, count - 1));
		stepScale.setEnabled(count > 1);
		saveButton.setEnabled(count > 0 || showingMade);
		truncationSlider.setEnabled(count > 0);
		interpolation.setRun(session, snapshot);
		if (count == 0) {
			stepLabel.setText(""); //$NON-NLS-1$
			truncationCombo.removeAll();
			canvas.setCaption(session == null ? "" : Messages.SamplesView_noSamples); //$NON-NLS-1$
			canvas.clear();
			return;
		}
		int index = following || selectedStep < 0 ? count - 1 : snapshot.nearestSampleIndex(selectedStep);
		if (!showingMade) {
			selectStep(index);
		} else {
			stepScale.setSelection(index);
		}
	}

	/** As {@link #refresh()}, for runs compared: the slider stops at every step any of them sampled. */
	private void refreshComparison() {
		long selectedStep = comparedSteps.length > 0
				? comparedSteps[Math.min(stepScale.getSelection(), comparedSteps.length - 1)]
				: -1;
		compared = model.snapshots();
		comparedSteps = SampleComparison.sampleSteps(compared);
		int count = comparedSteps.length;
		stepScale.setMaximum(Math.max(1, count - 1));
		stepScale.setEnabled(count > 1);
		// Saving copies one PNG, rendering makes one grid; the side-by-side view has one per run.
		saveButton.setEnabled(false);
		truncationSlider.setEnabled(false);
		List<Double> truncations = SampleComparison.truncations(compared);
		if (!truncations.equals(comparedTruncations)) {
			comparedTruncations = truncations;
			truncationCombo.setItems(truncations.stream().map(SampleCommandJob::format).toArray(String[]::new));
			truncationCombo.select(0);
			truncationCombo.getParent().layout();
		}
		if (count == 0) {
			stepLabel.setText(""); //$NON-NLS-1$
			comparison.show(compared, 0, 0);
			return;
		}
		selectComparedStep(following || selectedStep < 0 ? count - 1
				: RunSnapshot.nearestIndex(comparedSteps, selectedStep));
	}

	private void selectComparedStep(int index) {
		long step = comparedSteps[index];
		stepScale.setSelection(index);
		stepLabel.setText(NLS.bind(Messages.SamplesView_stepLabel,
				new Object[] { step, index + 1, comparedSteps.length }));
		int chosen = truncationCombo.getSelectionIndex();
		double truncation = chosen >= 0 && chosen < comparedTruncations.size() ? comparedTruncations.get(chosen) : 0;
		comparison.show(compared, step, truncation);
	}

	private void stepMoved() {
		int index = stepScale.getSelection();
		if (!compared.isEmpty()) {
			if (index < comparedSteps.length) {
				selectComparedStep(index);
				model.setCursor(index == comparedSteps.length - 1 ? RunViewsModel.LATEST : comparedSteps[index]);
			}
			return;
		}
		if (index >= snapshot.sampleStepCount()) {
			return;
		}
		showingMade = false;
		selectStep(index);
		boolean last = index == snapshot.sampleStepCount() - 1;
		model.setCursor(last ? RunViewsModel.LATEST : snapshot.sampleStep(index));
	}

	private void selectStep(int index) {
		long step = snapshot.sampleStep(index);
		stepScale.setSelection(index);
		stepLabel.setText(NLS.bind(Messages.SamplesView_stepLabel,
				new Object[] { step, index + 1, snapshot.sampleStepCount() }));
		String truncation = truncationCombo.getSelectionIndex() >= 0 ? truncationCombo.getText() : null;
		stepSamples = snapshot.samplesAt(step);
		String[] items = stepSamples.stream().map(s -> SampleCommandJob.format(s.truncation())).toArray(String[]::new);
		if (!List.of(items).equals(List.of(truncationCombo.getItems()))) {
			truncationCombo.setItems(items);
		}
		int chosen = truncation == null ? 0 : Math.max(0, List.of(items).indexOf(truncation));
		truncationCombo.select(chosen);
		truncationCombo.getParent().layout();
		truncationChosen();
	}

	private void truncationChosen() {
		if (!compared.isEmpty()) {
			if (comparedSteps.length > 0) {
				selectComparedStep(Math.min(stepScale.getSelection(), comparedSteps.length - 1));
			}
			return;
		}
		int index = truncationCombo.getSelectionIndex();
		if (index < 0 || index >= stepSamples.size()) {
			return;
		}
		showingMade = false;
		SampleEntry sample = stepSamples.get(index);
		truncationSlider.follow(sample.truncation());
		canvas.show(sample.file(), NLS.bind(Messages.SamplesView_caption, sample.step(), truncationCombo.getText()));
	}

	/** The truncation of the grid chosen, or 0 if none is. */
	private double chosenTruncation() {
		int index = truncationCombo.getSelectionIndex();
		return index >= 0 && index < stepSamples.size() ? stepSamples.get(index).truncation() : 0;
	}

	/** For tests: the step slider. */
	Scale stepSlider() {
		return stepScale;
	}

	/** For tests: the truncation choice of the step shown. */
	Combo truncationChoice() {
		return truncationCombo;
	}

	/** For tests: the continuous truncation. */
	TruncationSlider truncationSlider() {
		return truncationSlider;
	}

	/** For tests: the pixels shown, or null. */
	ImageData shownImage() {
		SampleImage current = canvas.shown();
		return current == null ? null : current.data();
	}

	/** For tests: the images of the runs compared, side by side (null where one is still read or has none). */
	List<SampleImage> comparedImages() {
		return comparison.shown();
	}

	/** For tests: the file of the image shown, or null. */
	Path shownFile() {
		SampleImage current = canvas.shown();
		return current == null ? null : current.file();
	}
}
