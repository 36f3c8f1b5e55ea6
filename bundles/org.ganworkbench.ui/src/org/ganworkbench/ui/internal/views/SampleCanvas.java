package org.ganworkbench.ui.internal.views;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * The image of the Samples view under its caption: a PNG read in a background job, drawn at the zoom
 * chosen with its pixels repeated, never blurred, and saved as it is. Kept apart from the view so that
 * the SWT image and the job that reads it have one owner, which frees them, whatever the view shows.
 */
final class SampleCanvas {

	private final Label captionLabel;
	private final ScrolledComposite scroller;
	private final Canvas canvas;
	private final ViewRefresher<SampleImage> loader;
	private volatile SampleImage requested;
	private Image image;
	private SampleImage shown;
	private ZoomLevel zoom = ZoomLevel.FIT;

	/** Adds the caption and, below it, the scrolled image to parent, which has a grid layout. */
	SampleCanvas(Composite parent) {
		captionLabel = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(captionLabel);
		scroller = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL);
		scroller.setExpandHorizontal(true);
		scroller.setExpandVertical(true);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(scroller);
		canvas = new Canvas(scroller, SWT.DOUBLE_BUFFERED);
		canvas.addPaintListener(e -> paint(e.gc));
		scroller.setContent(canvas);
		canvas.addDisposeListener(e -> disposeImage());
		loader = new ViewRefresher<>(canvas, Messages.SamplesView_loadJob, this::load, this::showImage);
	}

	/** The image shown, or null. */
	SampleImage shown() {
		return shown;
	}

	void setZoom(ZoomLevel zoom) {
		this.zoom = zoom;
		relayout();
	}

	/** A line in place of the caption, such as what is being done. */
	void setCaption(String text) {
		captionLabel.setText(text);
	}

	/** A message in place of the caption that may span lines, such as a trainer's output: laid out again. */
	void setMessage(String text) {
		captionLabel.setText(text);
		captionLabel.getParent().layout();
	}

	/** Captions the PNG at file and shows it, once read in the background, unless it is shown already. */
	void show(Path file, String caption) {
		captionLabel.setText(caption);
		if (shown == null || !shown.file().equals(file)) {
			requested = new SampleImage(file, caption, null, null);
			loader.request();
		}
	}

	/** Shows an image read already (an interpolation) at once, in place of any still being read. */
	void show(SampleImage made) {
		requested = made;
		showImage(made);
	}

	/** Shows no image. */
	void clear() {
		shown = null;
		disposeImage();
		relayout();
	}

	/** Stops reading an image; when the view closes. */
	void cancel() {
		loader.cancel();
	}

	/** Asks where to, then copies the PNG of the image shown there; nothing if none is shown. */
	void save(Shell shell) {
		SampleImage current = shown;
		if (current == null || current.data() == null) {
			return;
		}
		FileDialog dialog = new FileDialog(shell, SWT.SAVE);
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
			MessageDialog.openError(shell, Messages.SamplesView_saveFailedTitle,
					NLS.bind(Messages.SamplesView_saveFailed, target, e.getMessage()));
		}
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
		if (image != null && zoom != ZoomLevel.FIT) {
			Rectangle bounds = image.getBounds();
			scroller.setMinSize((int) (bounds.width * zoom.scale(0, 0, 0, 0)),
					(int) (bounds.height * zoom.scale(0, 0, 0, 0)));
		} else {
			scroller.setMinSize(0, 0);
		}
		canvas.redraw();
	}

	private void paint(GC gc) {
		Rectangle area = canvas.getClientArea();
		gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
		gc.fillRectangle(area);
		if (image == null) {
			return;
		}
		Rectangle bounds = image.getBounds();
		double scale = zoom.scale(bounds.width, bounds.height, area.width, area.height);
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
}
