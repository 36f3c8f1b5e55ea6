package org.ganworkbench.ui.internal.views.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.Device;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * Charts as a PNG: a control (one chart, or a view's grid of them) printed as it is shown, legends
 * included; or any drawing (the architecture diagram at its own size).
 */
public final class ChartExport {

	private ChartExport() {
	}

	/** Something that writes a PNG file. */
	public interface PngWriter {
		void write(Path file) throws IOException;
	}

	/** Asks where to save a PNG, then writes it there; a failure is shown under {@code title}. UI thread. */
	public static void saveAs(Shell shell, String title, PngWriter writer) {
		FileDialog dialog = new FileDialog(shell, SWT.SAVE);
		dialog.setFilterExtensions(new String[] { "*.png" }); //$NON-NLS-1$
		dialog.setOverwrite(true);
		String target = dialog.open();
		if (target == null) {
			return;
		}
		try {
			writer.write(Path.of(target));
		} catch (IOException e) {
			MessageDialog.openError(shell, title, target + ": " + e.getMessage()); //$NON-NLS-1$
		}
	}

	/** Prints a control into a PNG file; UI thread. */
	public static void writePng(Control control, Path file) throws IOException {
		Point size = control.getSize();
		if (size.x <= 0 || size.y <= 0) {
			throw new IOException("nothing to export: the charts are not shown"); //$NON-NLS-1$
		}
		writePng(control.getDisplay(), size, control::print, file);
	}

	/** Draws an image of a size with {@code paint} and writes it as a PNG file; UI thread. */
	public static void writePng(Device device, Point size, Consumer<GC> paint, Path file) throws IOException {
		Image image = new Image(device, Math.max(1, size.x), Math.max(1, size.y));
		try {
			GC gc = new GC(image);
			try {
				paint.accept(gc);
			} finally {
				gc.dispose();
			}
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			loader.save(file.toString(), SWT.IMAGE_PNG);
		} catch (SWTException e) {
			throw new IOException(file + ": " + e.getMessage(), e); //$NON-NLS-1$
		} finally {
			image.dispose();
		}
	}
}
