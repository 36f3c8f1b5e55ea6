package org.ganworkbench.ui.internal.runs;

import java.nio.file.Path;
import java.util.List;

import org.ganworkbench.model.run.RunSummary;
import org.ganworkbench.model.run.SweepSummary;

/**
 * The runs of one sweep folder: runs not directly in a searched folder are grouped by their parent.
 * {@code sweep} is the folder's sweep.json when it has one (a sweep's trials), else null.
 */
record RunGroup(Path folder, List<RunSummary> runs, SweepSummary sweep) {

	String name() {
		return folder.getFileName().toString();
	}
}
