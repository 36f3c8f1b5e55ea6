package org.ganworkbench.ui.internal.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.ganworkbench.ui.internal.views.chart.ChartPalette;
import org.ganworkbench.ui.internal.views.chart.LineChart;
import org.ganworkbench.core.runs.history.RunWarning;

/**
 * The training metrics of the run shown as small multiples: losses, D(real) and D(fake), r_t with
 * the augmentation probability, gradient norms, images per second and penalties; smoothed on demand;
 * sample quality (FD with its best step marked, KID, precision, recall and k-NN coverage) and the latest class
 * coverage; with the shared step cursor. Warnings (NaN, collapse, r_t near 1, exploding sigma, a failed run)
 * are listed above the charts. Runs compared are overlaid, one colour per run.
 */
public class MetricsView extends RunView {

	public static final String ID = "org.ganworkbench.ui.views.metrics"; //$NON-NLS-1$

	private static final int SMOOTHING_STEPS = 99;

	private ViewRefresher<MetricCharts.Data> refresher;
	private Label warningBanner;
	private Table warningTable;
	private Scale smoothingScale;
	private Label smoothingLabel;
	private Label coverageLabel;
	private final List<LineChart> charts = new ArrayList<>();
	private Composite chartGrid;
	private volatile double smoothing = 0.6;

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		createWarnings(parent);
		createSmoothing(parent);
		Composite grid = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).equalWidth(true).spacing(4, 4).applyTo(grid);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(grid);
		for (MetricCharts.Spec spec : MetricCharts.SPECS) {
			LineChart chart = new LineChart(grid);
			chart.setTitle(spec.title());
			chart.setEmptyText(Messages.MetricsView_empty);
			chart.addStepListener(step -> model.setCursor(Math.max(0, Math.round(step))));
			GridDataFactory.fillDefaults().grab(true, true).hint(160, 110).applyTo(chart.control());
			charts.add(chart);
		}
		coverageLabel = new Label(parent, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(coverageLabel);

		chartGrid = grid;
		addExportAction();
		refresher = new ViewRefresher<>(grid, Messages.MetricsView_job,
				() -> MetricCharts.of(model.snapshots(), smoothing), this::apply);
		listen();
		cursorChanged(model.cursor());
		refresher.request();
	}

	private void createWarnings(Composite parent) {
		warningBanner = new Label(parent, SWT.WRAP);
		warningBanner.setForeground(new Color(ChartPalette.ALARM));
		GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(warningBanner);
		warningBanner.setVisible(false);
		warningTable = new Table(parent, SWT.BORDER | SWT.V_SCROLL | SWT.FULL_SELECTION);
		GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 4 * warningTable.getItemHeight())
				.exclude(true).applyTo(warningTable);
		warningTable.setVisible(false);
		warningTable.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> {
			if (e.item != null && e.item.getData() instanceof RunWarning warning) {
				model.setCursor(warning.step());
			}
		}));
	}

	private void createSmoothing(Composite parent) {
		Composite row = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(row);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
		new Label(row, SWT.NONE).setText(Messages.MetricsView_smoothing);
		smoothingScale = new Scale(row, SWT.HORIZONTAL);
		smoothingScale.setMinimum(0);
		smoothingScale.setMaximum(SMOOTHING_STEPS);
		smoothingScale.setPageIncrement(10);
		smoothingScale.setSelection((int) Math.round(smoothing * 100));
		GridDataFactory.fillDefaults().hint(160, SWT.DEFAULT).applyTo(smoothingScale);
		smoothingLabel = new Label(row, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(smoothingLabel);
		smoothingLabel.setText(smoothingText());
		smoothingScale.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> {
			smoothing = smoothingScale.getSelection() / 100.0;
			smoothingLabel.setText(smoothingText());
			refresher.request();
		}));
	}

	private String smoothingText() {
		return String.format("%.2f", smoothing); //$NON-NLS-1$
	}

	@Override
	protected Control chartArea() {
		return chartGrid;
	}

	@Override
	public void setFocus() {
		smoothingScale.setFocus();
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
		for (LineChart chart : charts) {
			chart.setCursor(step == RunViewsModel.LATEST ? Double.NaN : step);
		}
	}

	private void apply(MetricCharts.Data data) {
		setContentDescription(RunLabels.describe(model));
		for (int i = 0; i < charts.size(); i++) {
			charts.get(i).setSeries(data.charts().get(i));
		}
		showWarnings(data.warnings());
		if (!coverageLabel.getText().equals(data.coverage())) {
			coverageLabel.setText(data.coverage());
			coverageLabel.getParent().layout(true, true);
		}
	}

	private void showWarnings(List<RunWarning> warnings) {
		boolean any = !warnings.isEmpty();
		if (warningTable.getItemCount() != warnings.size()) {
			warningTable.removeAll();
			for (int i = warnings.size() - 1; i >= 0; i--) {
				RunWarning warning = warnings.get(i);
				TableItem item = new TableItem(warningTable, SWT.NONE);
				item.setText(NLS.bind(Messages.MetricsView_warning, new Object[] { warning.step(), warning.kind(),
						warning.message() }));
				item.setImage(PlatformUI.getWorkbench().getSharedImages().getImage(
						RunWarning.KIND_FAILED.equals(warning.kind()) || RunWarning.KIND_NOT_FINITE.equals(warning.kind())
								? ISharedImages.IMG_OBJS_ERROR_TSK
								: ISharedImages.IMG_OBJS_WARN_TSK));
				item.setData(warning);
			}
		}
		if (any) {
			RunWarning latest = warnings.get(warnings.size() - 1);
			warningBanner.setText(NLS.bind(Messages.MetricsView_banner, warnings.size(), latest.message()));
		}
		if (warningTable.getVisible() != any) {
			warningBanner.setVisible(any);
			warningTable.setVisible(any);
			((org.eclipse.swt.layout.GridData) warningBanner.getLayoutData()).exclude = !any;
			((org.eclipse.swt.layout.GridData) warningTable.getLayoutData()).exclude = !any;
		}
		warningTable.getParent().layout(true, true);
	}

	/** For tests: the charts, in the order of {@link MetricCharts#SPECS}. */
	List<LineChart> charts() {
		return List.copyOf(charts);
	}

	/** For tests: the warnings listed, newest first. */
	Table warningTable() {
		return warningTable;
	}
}
