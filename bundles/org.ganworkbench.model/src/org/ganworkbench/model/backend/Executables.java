package org.ganworkbench.model.backend;

import java.io.File;

/** Finds programs the launchers run (mvn, nvidia-smi) as a shell would. */
public final class Executables {

	private Executables() {
	}

	/**
	 * The first executable file {@code name} in the directories of {@code searchPath} (a PATH value,
	 * entries separated by {@link File#pathSeparator}), or null.
	 */
	public static File find(String searchPath, String name) {
		for (String dir : searchPath.split(File.pathSeparator)) {
			File candidate = new File(dir, name);
			if (!dir.isEmpty() && candidate.canExecute()) {
				return candidate;
			}
		}
		return null;
	}
}
