package org.ganworkbench.ui.internal.views;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.ganworkbench.core.runs.history.RunSnapshot;
import org.ganworkbench.core.runs.history.SampleEntry;

/**
 * The grids of the runs compared, side by side: one {@link SampleCanvas} a run, each showing the
 * run's grid nearest to the step chosen, at the truncation nearest to the one chosen. The Samples
 * view shows this area in place of its single image while runs are compared.
 */
final class SampleComparison {

	private final Composite area;
	private final List<SampleCanvas> canvases = new ArrayList<>();
	private ZoomLevel zoom = ZoomLevel.FIT;

	/** Adds the (hidden) area to parent, which has a grid layout. */
	SampleComparison(Composite parent) {
		area = new Composite(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, true).exclude(true).applyTo(area);
		area.setVisible(false);
	}

	void setVisible(boolean visible) {
		if (area.getVisible() != visible) {
			area.setVisible(visible);
			((GridData) area.getLayoutData()).exclude = !visible;
			area.getParent().layout(true, true);
		}
	}

	void setZoom(ZoomLevel zoom) {
		this.zoom = zoom;
		canvases.forEach(canvas -> canvas.setZoom(zoom));
	}

	/** The steps at which any of the runs has samples, ascending, each once: the slider's stops. */
	static long[] sampleSteps(List<RunSnapshot> snapshots) {
		return snapshots.stream().flatMapToLong(s -> LongStream.of(s.sampleSteps())).distinct().sorted().toArray();
	}

	/** The truncations sampled at the first step of any run: the choices offered. */
	static List<Double> truncations(List<RunSnapshot> snapshots) {
		for (RunSnapshot snapshot : snapshots) {
			if (snapshot.sampleStepCount() > 0) {
				return snapshot.samplesAt(snapshot.sampleStep(0)).stream().map(SampleEntry::truncation).toList();
			}
		}
		return List.of();
	}

	/** Shows each run's grid nearest to step, at the truncation nearest to truncation; reads them in the background. */
	void show(List<RunSnapshot> snapshots, long step, double truncation) {
		if (canvases.size() != snapshots.size()) {
			rebuild(snapshots.size());
		}
		for (int i = 0; i < snapshots.size(); i++) {
			RunSnapshot snapshot = snapshots.get(i);
			SampleCanvas canvas = canvases.get(i);
			int index = snapshot.nearestSampleIndex(step);
			if (index < 0) {
				canvas.setCaption(NLS.bind(Messages.SamplesView_comparedNoSamples, snapshot.runName()));
				canvas.clear();
				continue;
			}
			long nearest = snapshot.sampleStep(index);
			SampleEntry sample = nearestTruncation(snapshot.samplesAt(nearest), truncation);
			canvas.show(sample.file(), NLS.bind(Messages.SamplesView_comparedCaption,
					new Object[] { snapshot.runName(), nearest, SampleCommandJob.format(sample.truncation()) }));
		}
	}

	/** The images shown, one a run (null where a run has none yet). */
	List<SampleImage> shown() {
		return canvases.stream().map(SampleCanvas::shown).toList();
	}

	/** Stops reading images; when the view closes. */
	void cancel() {
		canvases.forEach(SampleCanvas::cancel);
	}

	private void rebuild(int runs) {
		cancel();
		Arrays.stream(area.getChildren()).forEach(child -> child.dispose());
		canvases.clear();
		GridLayoutFactory.fillDefaults().numColumns(runs).equalWidth(true).spacing(8, 2).applyTo(area);
		List<Composite> columns = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			Composite column = new Composite(area, SWT.NONE);
			GridLayoutFactory.fillDefaults().applyTo(column);
			GridDataFactory.fillDefaults().grab(true, true).applyTo(column);
			columns.add(column);
		}
		for (Composite column : columns) {
			SampleCanvas canvas = new SampleCanvas(column);
			canvas.setZoom(zoom);
			canvases.add(canvas);
		}
		area.layout(true, true);
	}

	private static SampleEntry nearestTruncation(List<SampleEntry> samples, double truncation) {
		SampleEntry nearest = samples.get(0);
		for (SampleEntry sample : samples) {
			if (Math.abs(sample.truncation() - truncation) < Math.abs(nearest.truncation() - truncation)) {
				nearest = sample;
			}
		}
		return nearest;
	}
}
