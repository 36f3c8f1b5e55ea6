package org.ganworkbench.ui.internal.runs;

import java.nio.file.Path;
import java.util.List;

import org.ganworkbench.model.run.RunSummary;

/** The runs of one sweep folder: runs not directly in a searched folder are grouped by their parent. */
record RunGroup(Path folder, List<RunSummary> runs) {

	String name() {
		return folder.getFileName().toString();
	}
}
