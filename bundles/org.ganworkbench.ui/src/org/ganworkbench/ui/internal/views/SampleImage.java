package org.ganworkbench.ui.internal.views;

import java.nio.file.Path;

import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;

/** A PNG read off the UI thread, with what it shows; or why it could not be read. */
record SampleImage(Path file, String caption, ImageData data, String error) {

	/** Decodes a PNG; call it from a job. */
	static SampleImage load(Path file, String caption) {
		try {
			ImageData[] frames = new ImageLoader().load(file.toString());
			return new SampleImage(file, caption, frames[0], null);
		} catch (SWTException e) {
			return new SampleImage(file, caption, null, file.getFileName() + ": " + e.getMessage()); //$NON-NLS-1$
		}
	}
}
