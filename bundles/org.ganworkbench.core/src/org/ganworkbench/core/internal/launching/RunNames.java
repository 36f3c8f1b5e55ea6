package org.ganworkbench.core.internal.launching;

import java.io.File;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Names new run directories: MODEL-yyyyMMdd-HHmmss, with a suffix when that exists already. */
final class RunNames {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"); //$NON-NLS-1$

	private RunNames() {
	}

	static File newRunDirectory(File runs, String model) {
		String base = model + "-" + LocalDateTime.now().format(STAMP); //$NON-NLS-1$
		File dir = new File(runs, base);
		for (int i = 2; dir.exists(); i++) {
			dir = new File(runs, base + "-" + i); //$NON-NLS-1$
		}
		return dir;
	}
}
