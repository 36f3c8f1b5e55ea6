import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ILineSeries.PlotSymbolType;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.ganworkbench.core.runs.series.Series;
import org.ganworkbench.ui.internal.views.chart.ChartPalette;
import org.ganworkbench.ui.internal.views.chart.ChartSeries;
import org.ganworkbench.ui.internal.views.chart.LineChart;

/**
 * Issue #17: the hand-written {@link LineChart} against Eclipse SWTChart on long runs (releng/bench-charts.sh).
 * A chart of 480x300 pixels in a shell, 1, 3 or 10 overlaid noisy loss curves of POINTS steps each (SWTChart
 * fed every point: 1 and 3 only), and for each case the median and the maximum over REPEATS rounds after
 * WARMUP rounds of:
 * <ul>
 * <li>off UI: the work a background job does before the UI thread gets the data (LineChart: the outline of
 * 2,048 buckets that {@link ChartSeries} makes; SWTChart fed raw: none);</li>
 * <li>set: the UI-thread call that hands the chart its data (LineChart.setSeries; SWTChart's setXSeries,
 * setYSeries per series and adjustRange);</li>
 * <li>paint 1: the first full paint after that: redraw(), then the UI thread's busy time in the event loop
 * until the plot control was painted (a paint counter on it) and the loop is idle; SWTChart compresses its
 * data here;</li>
 * <li>repaint: the next paint of the same data (a mouse move, an expose);</li>
 * <li>zoom: SWTChart only, the paint after zooming the x axis in (IAxis.zoomIn): its compression runs again
 * over every point.</li>
 * </ul>
 * Also the time to export each chart to a PNG file (median / max of 5): SWTChart's Chart.save, and for
 * LineChart Control.print into an Image and SWT's ImageLoader, which is all an export of it would need.
 * UI thread only, as SWT wants; the JVM's default collector (G1, as the IDE's).
 *   java ChartBenchmark [POINTS] [REPEATS] [WARMUP] [PNG_DIR]
 */
public final class ChartBenchmark {

	private static final int WIDTH = 480;
	private static final int HEIGHT = 300;

	private final Display display;
	private final Shell shell;
	private final int repeats;
	private final int warmup;
	private final double[] steps;
	private final double[][] losses;
	private final ExecutorService background = Executors.newSingleThreadExecutor();
	private final File pngDir;

	private ChartBenchmark(int points, int repeats, int warmup, File pngDir) {
		this.repeats = repeats;
		this.warmup = warmup;
		this.pngDir = pngDir;
		steps = new double[points];
		for (int i = 0; i < points; i++) {
			steps[i] = i;
		}
		losses = new double[10][];
		for (int run = 0; run < losses.length; run++) {
			losses[run] = loss(points, run);
		}
		display = new Display();
		shell = new Shell(display);
		shell.setLayout(null);
		shell.setSize(WIDTH + 40, HEIGHT + 60);
		shell.open();
		pump();
		// the first frames of a new window (mapping, the first exposes) are not timed
		long settle = System.nanoTime() + 500_000_000L;
		while (System.nanoTime() < settle) {
			if (!display.readAndDispatch()) {
				try {
					Thread.sleep(5);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		}
	}

	/** A GAN-like loss: a decay towards a floor, multiplicative noise, and a rare spike. */
	static double[] loss(int points, int run) {
		Random random = new Random(17 + run);
		double[] y = new double[points];
		double scale = points * (0.12 + 0.05 * run);
		for (int i = 0; i < points; i++) {
			double trend = 0.3 + 0.1 * run + 1.8 * Math.exp(-i / scale) + 0.2 * Math.exp(-i / (4 * scale));
			double value = trend * Math.exp(0.12 * random.nextGaussian());
			if (random.nextInt(20_000) == 0) {
				value *= 3;
			}
			y[i] = value;
		}
		return y;
	}

	public static void main(String[] args) throws Exception {
		int points = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 20;
		int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 5;
		File pngDir = new File(args.length > 3 ? args[3] : System.getProperty("java.io.tmpdir"));
		pngDir.mkdirs();
		ChartBenchmark bench = new ChartBenchmark(points, repeats, warmup, pngDir);
		try {
			System.out.printf(Locale.ROOT, "bench-charts: %,d points a series, chart %dx%d, %d rounds after %d warm-up, GTK %s%n",
					points, WIDTH, HEIGHT, repeats, warmup, System.getProperty("org.eclipse.swt.internal.gtk.version", "?"));
			System.out.println("| chart | series | off UI (ms) | set (ms) | paint 1 (ms) | repaint (ms) | zoom (ms) | PNG export (ms) |");
			System.out.println("|---|---|---|---|---|---|---|---|");
			for (int n : new int[] { 1, 3, 10 }) {
				bench.lineChart(n);
				if (n <= 3) { // 10 raw series would hold the UI thread for seconds a round: 3 tell enough
					bench.swtChart(n, false);
				}
				bench.swtChart(n, true);
			}
		} finally {
			bench.background.shutdownNow();
			bench.display.dispose();
		}
	}

	// --- the hand-written chart ---

	private void lineChart(int n) throws Exception {
		LineChart chart = new LineChart(shell);
		chart.setTitle("loss");
		Control control = chart.control();
		control.setBounds(0, 0, WIDTH, HEIGHT);
		int[] paints = counter(control);
		Stats offUi = new Stats(), set = new Stats(), paint = new Stats(), repaint = new Stats();
		for (int round = 0; round < warmup + repeats; round++) {
			boolean counted = round >= warmup;
			chart.setSeries(List.of());
			paint(control, paints);
			System.gc();
			// The background job of the views: the series and their outlines (MetricCharts.of).
			long[] outlineNanos = new long[1];
			List<ChartSeries> series = background.submit(() -> {
				long start = System.nanoTime();
				List<ChartSeries> made = new ArrayList<>();
				for (int i = 0; i < n; i++) {
					made.add(new ChartSeries("run " + (i + 1), new Series(steps, losses[i]), ChartPalette.color(i)));
				}
				outlineNanos[0] = System.nanoTime() - start;
				return made;
			}).get();
			long start = System.nanoTime();
			chart.setSeries(series);
			long setNanos = System.nanoTime() - start;
			long first = paint(control, paints);
			long again = paint(control, paints);
			if (counted) {
				offUi.add(outlineNanos[0]);
				set.add(setNanos);
				paint.add(first);
				repaint.add(again);
			}
		}
		Stats export = exportStats(() -> {
			File file = new File(pngDir, "linechart-" + n + ".png");
			Image image = new Image(display, WIDTH, HEIGHT);
			GC gc = new GC(image);
			control.print(gc);
			gc.dispose();
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			loader.save(file.getPath(), SWT.IMAGE_PNG);
			image.dispose();
			return file;
		});
		row("LineChart (outline of 2,048 buckets, made off the UI thread)", n, offUi, set, paint, repaint, null, export);
		control.dispose();
		pump();
	}

	// --- SWTChart ---

	/** @param outline whether SWTChart gets the same background outline as LineChart, or every point */
	private void swtChart(int n, boolean outline) throws Exception {
		Chart chart = new Chart(shell, SWT.NONE);
		chart.setBounds(0, 0, WIDTH, HEIGHT);
		chart.getTitle().setText("loss");
		chart.getAxisSet().getXAxis(0).getTitle().setText("step");
		chart.getAxisSet().getYAxis(0).getTitle().setVisible(false);
		List<ILineSeries<?>> lines = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			ILineSeries<?> line = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, "run " + (i + 1));
			line.setSymbolType(PlotSymbolType.NONE); // the default draws a circle per point
			RGB rgb = ChartPalette.color(i);
			line.setLineColor(new Color(display, rgb));
			line.setAntialias(SWT.ON); // as LineChart draws
			lines.add(line);
		}
		Control plot = chart.getPlotArea().getControl();
		int[] paints = counter(plot);
		IAxis xAxis = chart.getAxisSet().getXAxis(0);
		Stats offUi = new Stats(), set = new Stats(), paint = new Stats(), repaint = new Stats(), zoom = new Stats();
		for (int round = 0; round < warmup + repeats; round++) {
			boolean counted = round >= warmup;
			System.gc();
			long[] offNanos = new long[1];
			Series[] data = background.submit(() -> {
				long start = System.nanoTime();
				Series[] made = new Series[n];
				for (int i = 0; i < n; i++) {
					Series raw = new Series(steps, losses[i]);
					made[i] = outline ? new ChartSeries("run", raw, ChartPalette.color(i)).drawn() : raw;
				}
				offNanos[0] = outline ? System.nanoTime() - start : 0;
				return made;
			}).get();
			long start = System.nanoTime();
			for (int i = 0; i < n; i++) {
				Series s = data[i];
				double[] x = s.x().length == s.size() ? s.x() : Arrays.copyOf(s.x(), s.size());
				double[] y = s.y().length == s.size() ? s.y() : Arrays.copyOf(s.y(), s.size());
				lines.get(i).setXSeries(x);
				lines.get(i).setYSeries(y);
			}
			chart.getAxisSet().adjustRange();
			long setNanos = System.nanoTime() - start;
			long first = paint(chart, paints, plot);
			long again = paint(chart, paints, plot);
			xAxis.zoomIn();
			long zoomed = paint(chart, paints, plot);
			chart.getAxisSet().adjustRange();
			paint(chart, paints, plot);
			if (counted) {
				offUi.add(offNanos[0]);
				set.add(setNanos);
				paint.add(first);
				repaint.add(again);
				zoom.add(zoomed);
			}
		}
		Stats export = exportStats(() -> {
			File file = new File(pngDir, "swtchart-" + (outline ? "outline-" : "") + n + ".png");
			chart.save(file.getPath(), SWT.IMAGE_PNG);
			return file;
		});
		String name = outline ? "SWTChart 1.1.0 fed the same outline" : "SWTChart 1.1.0 fed every point (its own compression)";
		row(name, n, outline ? offUi : null, set, paint, repaint, zoom, export);
		chart.dispose();
		pump();
	}

	// --- measuring ---

	private Stats exportStats(Supplier<File> export) {
		Stats stats = new Stats();
		for (int round = 0; round < 2 + 5; round++) {
			long start = System.nanoTime();
			File file = export.get();
			long nanos = System.nanoTime() - start;
			if (round >= 2) {
				stats.add(nanos);
			}
			if (file.length() == 0) {
				throw new IllegalStateException("empty export " + file);
			}
		}
		return stats;
	}

	private long paint(Control control, int[] paints) throws InterruptedException {
		return paint(control, paints, control);
	}

	/**
	 * One full paint of CONTROL: its redraw() and the event loop's turns until PLOT (the control that draws the
	 * lines) was painted and nothing is left to do; the time is the sum of the turns that did work, without the
	 * idle waits for GTK's frame clock. (Control.update() paints nothing on GTK 3.16 and later.)
	 */
	private long paint(Control control, int[] paints, Control plot) throws InterruptedException {
		pump();
		int before = paints[0];
		control.redraw();
		long busy = 0;
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (true) {
			long start = System.nanoTime();
			boolean worked = display.readAndDispatch();
			long nanos = System.nanoTime() - start;
			if (worked || paints[0] != before) {
				busy += nanos;
			}
			if (!worked) {
				if (paints[0] != before) {
					return busy;
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("no paint of " + plot + " within 10 s of redraw()");
				}
				Thread.sleep(0, 200_000);
			}
		}
	}

	private static int[] counter(Control control) {
		int[] paints = new int[1];
		control.addListener(SWT.Paint, e -> paints[0]++);
		return paints;
	}

	private void pump() {
		while (display.readAndDispatch()) {
			// run what is queued, so that it is not timed
		}
	}

	private void row(String chart, int n, Stats offUi, Stats set, Stats paint, Stats repaint, Stats zoom, Stats export) {
		String line = String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %s |", chart, n,
				offUi == null ? "-" : offUi, set, paint, repaint, zoom == null ? "-" : zoom, export);
		System.out.println(line);
	}

	/** Median and maximum in milliseconds: "median / max". */
	private static final class Stats {
		private final List<Long> nanos = new ArrayList<>();

		void add(long value) {
			nanos.add(value);
		}

		@Override
		public String toString() {
			long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
			double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
					: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
			return String.format(Locale.ROOT, "%s / %s", ms(median), ms(sorted[sorted.length - 1]));
		}

		private static String ms(double nanos) {
			double ms = nanos / 1e6;
			return ms < 10 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.0f", ms);
		}
	}
}
