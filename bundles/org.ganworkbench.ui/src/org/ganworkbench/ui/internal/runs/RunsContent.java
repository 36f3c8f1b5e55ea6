package org.ganworkbench.ui.internal.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.ganworkbench.model.run.RunSummary;

/**
 * The Runs view's tree: a run directly in one of the searched folders is a top-level row; runs
 * deeper down (the trials of a sweep) are grouped under their folder.
 */
final class RunsContent implements ITreeContentProvider {

	/** What the view shows: the runs and the folders they were found in. */
	record Input(List<RunSummary> runs, List<Path> folders) {
	}

	@Override
	public Object[] getElements(Object input) {
		Input in = (Input) input;
		List<Object> elements = new ArrayList<>();
		Map<Path, List<RunSummary>> groups = new LinkedHashMap<>();
		for (RunSummary run : in.runs()) {
			Path parent = run.directory().getParent();
			if (parent == null || in.folders().contains(parent)) {
				elements.add(run);
			} else {
				groups.computeIfAbsent(parent, p -> new ArrayList<>()).add(run);
			}
		}
		groups.forEach((folder, runs) -> elements.add(new RunGroup(folder, runs)));
		return elements.toArray();
	}

	@Override
	public Object[] getChildren(Object element) {
		return element instanceof RunGroup group ? group.runs().toArray() : new Object[0];
	}

	@Override
	public Object getParent(Object element) {
		return null;
	}

	@Override
	public boolean hasChildren(Object element) {
		return element instanceof RunGroup;
	}
}
