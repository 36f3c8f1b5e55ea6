package org.ganworkbench.ui.internal.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.ganworkbench.model.run.RunSummary;
import org.ganworkbench.model.run.SweepSummary;

/**
 * The Runs view's tree: a run directly in one of the searched folders is a top-level row; runs
 * deeper down (the trials of a sweep) are grouped under their folder.
 */
final class RunsContent implements ITreeContentProvider {

	/** What the view shows: the runs, the folders they were found in, and the sweep.json of sweep folders. */
	record Input(List<RunSummary> runs, List<Path> folders, Map<Path, SweepSummary> sweeps) {

		/** The sweep.json of every folder that groups runs and has one; read in the view's job. */
		static Map<Path, SweepSummary> sweepsOf(List<RunSummary> runs, List<Path> folders) {
			Map<Path, SweepSummary> sweeps = new LinkedHashMap<>();
			for (RunSummary run : runs) {
				Path parent = run.directory().getParent();
				if (parent != null && !folders.contains(parent) && !sweeps.containsKey(parent)) {
					try {
						SweepSummary sweep = SweepSummary.read(parent);
						if (sweep != null) {
							sweeps.put(parent, sweep);
						}
					} catch (java.io.IOException e) {
						// a damaged sweep.json: the folder groups its runs without a sweep's summary
					}
				}
			}
			return sweeps;
		}
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
		groups.forEach((folder, runs) -> elements.add(new RunGroup(folder, runs, in.sweeps().get(folder))));
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
