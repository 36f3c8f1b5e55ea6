package org.ganworkbench.core.internal.launching;

import java.io.File;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Names new run directories: MODEL-yyyyMMdd-HHmmss, with a suffix when that exists already. */
final class RunNames {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"); //$NON-NLS-1$

	private RunNames() {
	}

	/**
	 * Creates the directory, so that launches started in the same second (a sweep, Run twice) each
	 * get their own: mkdir either claims a name or finds it taken. When runs/ cannot be written, the
	 * name is returned unclaimed and the trainer reports the problem with the path.
	 */
	static File newRunDirectory(File runs, String model) {
		String base = model + "-" + LocalDateTime.now().format(STAMP); //$NON-NLS-1$
		File dir = new File(runs, base);
		if (!runs.isDirectory() && !runs.mkdirs()) {
			return dir;
		}
		for (int i = 2; !dir.mkdir(); i++) {
			if (!runs.canWrite()) {
				return dir;
			}
			dir = new File(runs, base + "-" + i); //$NON-NLS-1$
		}
		return dir;
	}
}
