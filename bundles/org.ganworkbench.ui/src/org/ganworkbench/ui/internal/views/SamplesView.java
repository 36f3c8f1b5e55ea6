package org.ganworkbench.ui.internal.views;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.PixelConverter;
import org.eclipse.jface.util.Throttler;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Spinner;
import org.ganworkbench.core.runs.RunSession;
import org.ganworkbench.core.runs.history.RunSnapshot;
import org.ganworkbench.core.runs.history.SampleEntry;
import org.osgi.framework.FrameworkUtil;

/**
 * The sample grids of the run shown: the latest one, or any earlier one through the step slider, at
 * each truncation the trainer sampled; zoomed without blurring; saved as PNG; and a latent
 * interpolation between two seeds made from the latest checkpoint.
 */
public class SamplesView extends RunView {

	public static final String ID = "org.ganworkbench.ui.views.samples"; //$NON-NLS-1$

	private Throttler refresher;
	private ViewRefresher<SampleImage> loader;
	private volatile SampleImage requested;
	private Scale stepScale;
	private Label stepLabel;
	private Combo truncationCombo;
	private Combo zoomCombo;
	private Button saveButton;
	private Spinner seedA;
	private Spinner seedB;
	private Button interpolateButton;
	private Label captionLabel;
	private ScrolledComposite scroller;
	private Canvas canvas;
	private Image image;
	private SampleImage shown;
	private RunSnapshot snapshot = RunSnapshot.EMPTY;
	private RunSession session;
	private boolean following = true;
	private boolean showingInterpolation;
	private List<SampleEntry> stepSamples = List.of();
	private InterpolationJob interpolation;

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		createStepRow(parent);
		createImageRow(parent);
		scroller = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL);
		scroller.setExpandHorizontal(true);
		scroller.setExpandVertical(true);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(scroller);
		canvas = new Canvas(scroller, SWT.DOUBLE_BUFFERED);
		canvas.addPaintListener(e -> paint(e.gc));
		scroller.setContent(canvas);
		canvas.addDisposeListener(e -> disposeImage());

		refresher = new Throttler(parent.getDisplay(), Duration.ofMillis(150), this::refresh);
		loader = new ViewRefresher<>(canvas, Messages.SamplesView_loadJob, this::load, this::showImage);
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
		GridLayoutFactory.fillDefaults().numColumns(5).applyTo(row);
		new Label(row, SWT.NONE).setText(Messages.SamplesView_truncation);
		truncationCombo = new Combo(row, SWT.READ_ONLY);
		truncationCombo.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> truncationChosen()));
		new Label(row, SWT.NONE).setText(Messages.SamplesView_zoom);
		zoomCombo = new Combo(row, SWT.READ_ONLY);
		for (ZoomLevel level : ZoomLevel.values()) {
			zoomCombo.add(level.label());
		}
		zoomCombo.select(0);
		zoomCombo.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> relayout()));
		saveButton = new Button(row, SWT.PUSH);
		saveButton.setText(Messages.SamplesView_save);
		saveButton.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> save()));
		Composite seeds = new Composite(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(seeds);
		GridLayoutFactory.fillDefaults().numColumns(4).applyTo(seeds);
		row = seeds;
		new Label(row, SWT.NONE).setText(Messages.SamplesView_seeds);
		seedA = seedSpinner(row, 1);
		seedB = seedSpinner(row, 2);
		interpolateButton = new Button(row, SWT.PUSH);
		interpolateButton.setText(Messages.SamplesView_interpolate);
		interpolateButton.setToolTipText(Messages.SamplesView_interpolateTip);
		interpolateButton.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> interpolate()));
		captionLabel = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(captionLabel);
	}

	private static Spinner seedSpinner(Composite parent, int value) {
		Spinner spinner = new Spinner(parent, SWT.BORDER);
		spinner.setValues(value, 0, Integer.MAX_VALUE, 0, 1, 10);
		return spinner;
	}

	@Override
	public void setFocus() {
		stepScale.setFocus();
	}

	@Override
	protected void stopRefreshing() {
		if (loader != null) {
			loader.cancel();
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
		int index = following ? snapshot.sampleStepCount() - 1 : snapshot.nearestSampleIndex(step);
		if (index >= 0) {
			showingInterpolation = false;
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
			showingInterpolation = false;
		}
		long selectedStep = snapshot.sampleStepCount() > 0
				? snapshot.sampleStep(Math.min(stepScale.getSelection(), snapshot.sampleStepCount() - 1))
				: -1;
		snapshot = model.snapshot();
		int count = snapshot.sampleStepCount();
		stepScale.setMaximum(Math.max(1, count - 1));
		stepScale.setEnabled(count > 1);
		saveButton.setEnabled(count > 0 || showingInterpolation);
		interpolateButton.setEnabled(!snapshot.checkpointSteps().isEmpty() && interpolation == null);
		if (count == 0) {
			stepLabel.setText(""); //$NON-NLS-1$
			truncationCombo.removeAll();
			captionLabel.setText(session == null ? "" : Messages.SamplesView_noSamples); //$NON-NLS-1$
			shown = null;
			disposeImage();
			relayout();
			return;
		}
		int index = following || selectedStep < 0 ? count - 1 : snapshot.nearestSampleIndex(selectedStep);
		if (!showingInterpolation) {
			selectStep(index);
		} else {
			stepScale.setSelection(index);
		}
	}

	private void stepMoved() {
		int index = stepScale.getSelection();
		if (index >= snapshot.sampleStepCount()) {
			return;
		}
		showingInterpolation = false;
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
		String[] items = stepSamples.stream().map(s -> InterpolationJob.format(s.truncation())).toArray(String[]::new);
		if (!List.of(items).equals(List.of(truncationCombo.getItems()))) {
			truncationCombo.setItems(items);
		}
		int chosen = truncation == null ? 0 : Math.max(0, List.of(items).indexOf(truncation));
		truncationCombo.select(chosen);
		truncationCombo.getParent().layout();
		truncationChosen();
	}

	private void truncationChosen() {
		int index = truncationCombo.getSelectionIndex();
		if (index < 0 || index >= stepSamples.size()) {
			return;
		}
		showingInterpolation = false;
		SampleEntry sample = stepSamples.get(index);
		String caption = NLS.bind(Messages.SamplesView_caption, sample.step(), truncationCombo.getText());
		captionLabel.setText(caption);
		if (shown == null || !shown.file().equals(sample.file())) {
			request(new SampleImage(sample.file(), caption, null, null));
		}
	}

	private void request(SampleImage wanted) {
		requested = wanted;
		loader.request();
	}

	/** In the loader's job. */
	private SampleImage load() {
		SampleImage wanted = requested;
		return wanted == null ? null : SampleImage.load(wanted.file(), wanted.caption());
	}

	private void showImage(SampleImage loaded) {
		SampleImage wanted = requested;
		if (wanted != null && !wanted.file().equals(loaded.file())) {
			return; // an older request; the newer one is on its way
		}
		shown = loaded;
		disposeImage();
		if (loaded.data() != null) {
			image = new Image(canvas.getDisplay(), loaded.data());
			captionLabel.setText(loaded.caption());
		} else {
			captionLabel.setText(loaded.error());
		}
		captionLabel.getParent().layout();
		relayout();
	}

	private void relayout() {
		if (canvas.isDisposed()) {
			return;
		}
		ZoomLevel zoom = zoom();
		if (image != null && zoom != ZoomLevel.FIT) {
			Rectangle bounds = image.getBounds();
			scroller.setMinSize((int) (bounds.width * zoom.scale(0, 0, 0, 0)),
					(int) (bounds.height * zoom.scale(0, 0, 0, 0)));
		} else {
			scroller.setMinSize(0, 0);
		}
		canvas.redraw();
	}

	private ZoomLevel zoom() {
		return ZoomLevel.values()[Math.max(0, zoomCombo.getSelectionIndex())];
	}

	private void paint(GC gc) {
		Rectangle area = canvas.getClientArea();
		gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
		gc.fillRectangle(area);
		if (image == null) {
			return;
		}
		Rectangle bounds = image.getBounds();
		double scale = zoom().scale(bounds.width, bounds.height, area.width, area.height);
		int width = (int) Math.round(bounds.width * scale);
		int height = (int) Math.round(bounds.height * scale);
		int x = Math.max(0, (area.width - width) / 2);
		int y = Math.max(0, (area.height - height) / 2);
		gc.setAntialias(SWT.OFF);
		gc.setInterpolation(SWT.NONE);
		gc.drawImage(image, 0, 0, bounds.width, bounds.height, x, y, width, height);
	}

	private void disposeImage() {
		if (image != null) {
			image.dispose();
			image = null;
		}
	}

	private void save() {
		SampleImage current = shown;
		if (current == null || current.data() == null) {
			return;
		}
		FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
		dialog.setFilterExtensions(new String[] { "*.png" }); //$NON-NLS-1$
		dialog.setFileName(current.file().getFileName().toString());
		dialog.setOverwrite(true);
		String target = dialog.open();
		if (target == null) {
			return;
		}
		try {
			// The file is a PNG already: the copy is exactly what the trainer wrote.
			Files.copy(current.file(), Path.of(target), StandardCopyOption.REPLACE_EXISTING);
		} catch (IOException e) {
			MessageDialog.openError(getSite().getShell(), Messages.SamplesView_saveFailedTitle,
					NLS.bind(Messages.SamplesView_saveFailed, target, e.getMessage()));
		}
	}

	private void interpolate() {
		if (session == null || interpolation != null) {
			return;
		}
		int index = truncationCombo.getSelectionIndex();
		double truncation = index >= 0 && index < stepSamples.size() ? stepSamples.get(index).truncation() : 0;
		long a = seedA.getSelection();
		long b = seedB.getSelection();
		IPath state = Platform.getStateLocation(FrameworkUtil.getBundle(getClass()));
		Path output = state.toPath().resolve("interpolations").resolve(String.format( //$NON-NLS-1$
				"%s-%d-%d-t%s.png", session.name(), a, b, InterpolationJob.format(truncation))); //$NON-NLS-1$
		InterpolationJob job = new InterpolationJob(session.directory(), truncation, a, b, output);
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				canvas.getDisplay().asyncExec(() -> interpolationDone(job));
			}
		});
		interpolation = job;
		interpolateButton.setEnabled(false);
		captionLabel.setText(Messages.SamplesView_interpolating);
		job.setUser(true);
		job.schedule();
	}

	private void interpolationDone(InterpolationJob job) {
		interpolation = null;
		if (canvas.isDisposed()) {
			return;
		}
		interpolateButton.setEnabled(!snapshot.checkpointSteps().isEmpty());
		SampleImage result = job.result();
		if (result != null && result.data() != null) {
			showingInterpolation = true;
			requested = result;
			showImage(result);
		} else {
			captionLabel.setText(job.problem() != null ? job.problem() : result != null ? result.error() : ""); //$NON-NLS-1$
			captionLabel.getParent().layout();
		}
	}

	/** For tests: the step slider. */
	public Scale stepSlider() {
		return stepScale;
	}

	/** For tests: the truncation choice of the step shown. */
	public Combo truncationChoice() {
		return truncationCombo;
	}

	/** For tests: the pixels shown, or null. */
	public ImageData shownImage() {
		SampleImage current = shown;
		return current == null ? null : current.data();
	}

	/** For tests: the file of the image shown, or null. */
	public Path shownFile() {
		SampleImage current = shown;
		return current == null ? null : current.file();
	}
}
