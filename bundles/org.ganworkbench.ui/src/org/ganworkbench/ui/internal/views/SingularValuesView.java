package org.ganworkbench.ui.internal.views;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CheckboxTableViewer;
import org.eclipse.jface.viewers.IColorProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.ganworkbench.ui.internal.views.chart.ChartPalette;
import org.ganworkbench.ui.internal.views.chart.LineChart;
import org.ganworkbench.core.runs.history.LayerSigma;
import org.ganworkbench.core.runs.history.RunHistory;

/**
 * The largest singular values of every weight matrix of G and D over the steps, BigGAN's signal of
 * an approaching collapse: a layer picker, sigma1 and sigma2 on demand, a log axis, and the layers
 * whose sigma0 explodes flagged in the picker, the chart and a banner. Runs compared are overlaid,
 * one colour per run.
 */
public class SingularValuesView extends RunView {

	public static final String ID = "org.ganworkbench.ui.views.singularValues"; //$NON-NLS-1$

	private ViewRefresher<SigmaChartData> refresher;
	private CheckboxTableViewer layerPicker;
	private Button sigma1Button;
	private Button sigma2Button;
	private Label explodingLabel;
	private LineChart chart;
	private List<String> layerKeys = List.of();
	private List<String> explodingKeys = List.of();
	private volatile Set<String> hidden = Set.of();
	private volatile int singularValues = 1;

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().applyTo(parent);
		SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
		createLayerPicker(sash);
		createChartArea(sash);
		sash.setWeights(1, 3);

		refresher = new ViewRefresher<>(chart.control(), Messages.SingularValuesView_job,
				() -> SigmaChartData.of(model.snapshots(), hidden, singularValues), this::apply);
		listen();
		addExportAction();
		chart.setCursor(model.cursor() == RunViewsModel.LATEST ? Double.NaN : model.cursor());
		refresher.request();
	}

	private void createLayerPicker(Composite parent) {
		Composite left = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).margins(2, 2).applyTo(left);
		Label title = new Label(left, SWT.NONE);
		title.setText(Messages.SingularValuesView_layers);
		GridDataFactory.fillDefaults().span(3, 1).applyTo(title);
		layerPicker = CheckboxTableViewer.newCheckList(left, SWT.BORDER | SWT.V_SCROLL);
		layerPicker.setContentProvider(ArrayContentProvider.getInstance());
		layerPicker.setLabelProvider(new LayerLabels());
		layerPicker.addCheckStateListener(e -> choicesChanged());
		GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(layerPicker.getControl());
		button(left, Messages.SingularValuesView_all, () -> checkLayers(key -> true));
		button(left, Messages.SingularValuesView_none, () -> checkLayers(key -> false));
		button(left, Messages.SingularValuesView_explodingOnly, () -> checkLayers(explodingKeys::contains));
	}

	private void createChartArea(Composite parent) {
		Composite right = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().margins(2, 2).applyTo(right);
		Composite options = new Composite(right, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(4).applyTo(options);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(options);
		sigma1Button = check(options, Messages.SingularValuesView_sigma1);
		sigma2Button = check(options, Messages.SingularValuesView_sigma2);
		Button logButton = new Button(options, SWT.CHECK);
		logButton.setText(Messages.SingularValuesView_log);
		logButton.setSelection(true);
		logButton.addSelectionListener(SelectionListener.widgetSelectedAdapter(
				e -> chart.setLogScale(logButton.getSelection())));
		explodingLabel = new Label(options, SWT.WRAP);
		explodingLabel.setForeground(new Color(ChartPalette.ALARM));
		GridDataFactory.fillDefaults().grab(true, false).applyTo(explodingLabel);
		chart = new LineChart(right);
		chart.setTitle(Messages.SingularValuesView_chartTitle);
		chart.setEmptyText(Messages.SingularValuesView_empty);
		chart.setLogScale(true);
		chart.addStepListener(step -> model.setCursor(Math.max(0, Math.round(step))));
		GridDataFactory.fillDefaults().grab(true, true).applyTo(chart.control());
	}

	private Button check(Composite parent, String text) {
		Button button = new Button(parent, SWT.CHECK);
		button.setText(text);
		button.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> choicesChanged()));
		return button;
	}

	private static void button(Composite parent, String text, Runnable action) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(text);
		button.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> action.run()));
	}

	private void checkLayers(java.util.function.Predicate<String> checked) {
		for (String key : layerKeys) {
			layerPicker.setChecked(key, checked.test(key));
		}
		choicesChanged();
	}

	private void choicesChanged() {
		Set<String> unchecked = new HashSet<>(layerKeys);
		for (Object key : layerPicker.getCheckedElements()) {
			unchecked.remove(key);
		}
		// Layers unchecked stay hidden; layers that appear later are shown.
		Set<String> stillHidden = new HashSet<>(hidden);
		stillHidden.removeAll(layerKeys);
		stillHidden.addAll(unchecked);
		hidden = Set.copyOf(stillHidden);
		singularValues = sigma2Button.getSelection() ? 3 : sigma1Button.getSelection() ? 2 : 1;
		refresher.request();
	}

	@Override
	protected Control chartArea() {
		return chart.control();
	}

	@Override
	public void setFocus() {
		layerPicker.getControl().setFocus();
	}

	@Override
	protected void stopRefreshing() {
		if (refresher != null) {
			refresher.cancel();
		}
	}

	@Override
	public void runChanged() {
		refresher.request();
	}

	@Override
	public void cursorChanged(long step) {
		chart.setCursor(step == RunViewsModel.LATEST ? Double.NaN : step);
	}

	private void apply(SigmaChartData data) {
		setContentDescription(RunLabels.describe(model));
		List<String> keys = data.layerKeys();
		explodingKeys = data.exploding().stream().map(LayerSigma::key).toList();
		((LayerLabels) layerPicker.getLabelProvider()).exploding = Set.copyOf(explodingKeys);
		if (!keys.equals(layerKeys)) {
			layerKeys = keys;
			layerPicker.setInput(keys);
		} else {
			layerPicker.refresh(true);
		}
		for (String key : keys) {
			layerPicker.setChecked(key, !hidden.contains(key));
		}
		chart.setSeries(data.series());
		explodingLabel.setText(explodingText(data.exploding()));
		explodingLabel.getParent().layout();
	}

	private static String explodingText(List<LayerSigma> exploding) {
		if (exploding.isEmpty()) {
			return ""; //$NON-NLS-1$
		}
		String layers = exploding.stream()
				.map(l -> Double.isFinite(l.growth()) && l.growth() > RunHistory.EXPLOSION_FACTOR
						? NLS.bind(Messages.SingularValuesView_growth, l.key(), String.format("%.1f", l.growth())) //$NON-NLS-1$
						: l.key())
				.collect(Collectors.joining(", ")); //$NON-NLS-1$
		return NLS.bind(Messages.SingularValuesView_exploding, layers);
	}

	/** For tests: the chart. */
	LineChart chart() {
		return chart;
	}

	/** For tests: the layer picker. */
	CheckboxTableViewer layerPicker() {
		return layerPicker;
	}

	/** For tests: the layers flagged as exploding. */
	List<String> explodingLayers() {
		return explodingKeys;
	}

	/** Layer keys; exploding ones in red with a warning sign. */
	private static final class LayerLabels extends LabelProvider implements IColorProvider {
		private Set<String> exploding = Set.of();

		@Override
		public Image getImage(Object element) {
			return exploding.contains(element)
					? PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJS_WARN_TSK)
					: null;
		}

		@Override
		public Color getForeground(Object element) {
			return exploding.contains(element) ? new Color(ChartPalette.ALARM) : null;
		}

		@Override
		public Color getBackground(Object element) {
			return null;
		}
	}
}
