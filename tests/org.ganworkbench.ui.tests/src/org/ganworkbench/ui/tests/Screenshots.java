package org.ganworkbench.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;

/**
 * Saves the workbench window as PNG images for the documentation. They go to the folder named by the
 * system property {@value #DIRECTORY_PROPERTY} (the documentation build sets it to docs/images), else
 * to target/screenshots, so that an ordinary test run leaves the source tree alone.
 */
public final class Screenshots {

	public static final String DIRECTORY_PROPERTY = "ganworkbench.screenshots.dir";
	public static final int WIDTH = 1400;
	public static final int HEIGHT = 900;

	private Screenshots() {
	}

	public static Path directory() {
		String configured = System.getProperty(DIRECTORY_PROPERTY, "");
		return configured.isBlank() ? Path.of("target", "screenshots") : Path.of(configured);
	}

	/** Gives the workbench window the size of the images, so that they are alike from run to run. */
	public static Shell sizeWindow() {
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		shell.setMaximized(false);
		shell.setBounds(0, 0, WIDTH, HEIGHT);
		shell.layout(true, true);
		return shell;
	}

	/** Paints what is pending, then copies the window from the screen into {@code name}.png. */
	public static Path save(String name) throws IOException {
		Display display = Display.getCurrent();
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		shell.forceActive();
		shell.update();
		settle(display);
		Rectangle bounds = visibleBounds(shell);
		Image image = new Image(display, bounds.width, bounds.height);
		try {
			GC gc = new GC(display);
			try {
				gc.copyArea(image, bounds.x, bounds.y);
			} finally {
				gc.dispose();
			}
			Path file = directory().resolve(name + ".png");
			Files.createDirectories(file.getParent());
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			loader.save(file.toString(), SWT.IMAGE_PNG);
			return file;
		} finally {
			image.dispose();
		}
	}

	/**
	 * The window from its top-left corner to the bottom of its client area: without a window manager
	 * (Xvfb) the bounds count decorations that are never drawn.
	 */
	private static Rectangle visibleBounds(Shell shell) {
		Rectangle bounds = shell.getBounds();
		Rectangle client = shell.getDisplay().map(shell, null, shell.getClientArea());
		return new Rectangle(bounds.x, bounds.y, Math.min(bounds.width, client.x + client.width - bounds.x),
				Math.min(bounds.height, client.y + client.height - bounds.y));
	}

	/** Runs the event loop until nothing is left to do, and a little longer for the X server to draw. */
	private static void settle(Display display) {
		long end = System.nanoTime() + 300_000_000L;
		while (System.nanoTime() < end) {
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> {
				});
				display.sleep();
			}
		}
	}
}
