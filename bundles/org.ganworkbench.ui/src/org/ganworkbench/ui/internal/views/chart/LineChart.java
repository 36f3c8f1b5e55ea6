package org.ganworkbench.ui.internal.views.chart;

import java.util.List;
import java.util.function.DoubleConsumer;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.MouseEvent;
import org.eclipse.swt.events.MouseListener;
import org.eclipse.swt.events.MouseTrackListener;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * A line chart drawn with a plain SWT {@link GC}: axes with round ticks, a linear or log y axis,
 * several series with a legend, a readout of the point nearest to the mouse, and a vertical cursor
 * at a step. A click tells the step listeners which step was clicked. UI thread only.
 */
public final class LineChart {

	private static final int MARGIN_LEFT = 58;
	private static final int MARGIN_RIGHT = 12;
	private static final int MARGIN_TOP = 20;
	private static final int MARGIN_BOTTOM = 22;
	private static final int HOVER_DISTANCE = 24;
	private static final int LEGEND_ENTRIES = 10;

	private final Canvas canvas;
	private final ListenerList<DoubleConsumer> stepListeners = new ListenerList<>();
	private String title = ""; //$NON-NLS-1$
	private String emptyText = ""; //$NON-NLS-1$
	private List<ChartSeries> series = List.of();
	private boolean logScale;
	private double cursor = Double.NaN;
	private Point mouse;
	private ChartFrame frame;

	public LineChart(Composite parent) {
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
		canvas.addPaintListener(e -> paint(e.gc));
		canvas.addMouseMoveListener(e -> {
			mouse = new Point(e.x, e.y);
			canvas.redraw();
		});
		canvas.addMouseTrackListener(MouseTrackListener.mouseExitAdapter(e -> {
			mouse = null;
			canvas.redraw();
		}));
		canvas.addMouseListener(MouseListener.mouseDownAdapter(this::clicked));
	}

	public Control control() {
		return canvas;
	}

	public void setTitle(String title) {
		this.title = title;
		canvas.redraw();
	}

	/** Shown in place of the plot while there are no points. */
	public void setEmptyText(String text) {
		this.emptyText = text;
		canvas.redraw();
	}

	public void setSeries(List<ChartSeries> series) {
		this.series = List.copyOf(series);
		canvas.redraw();
	}

	public List<ChartSeries> series() {
		return series;
	}

	public void setLogScale(boolean logScale) {
		this.logScale = logScale;
		canvas.redraw();
	}

	public boolean isLogScale() {
		return logScale;
	}

	/** The step marked by a vertical line; NaN for none. */
	public void setCursor(double step) {
		if (Double.compare(step, cursor) != 0) {
			cursor = step;
			canvas.redraw();
		}
	}

	public double cursor() {
		return cursor;
	}

	/** Told the step under the mouse when the chart is clicked. */
	public void addStepListener(DoubleConsumer listener) {
		stepListeners.add(listener);
	}

	/** The readout the chart shows for a mouse position, or null when no point is near (for tests, too). */
	public String readoutAt(int x, int y) {
		Nearest nearest = nearest(new Point(x, y));
		return nearest == null ? null : nearest.text();
	}

	private void clicked(MouseEvent e) {
		if (e.button != 1 || frame == null || !frame.plot().contains(e.x, e.y)) {
			return;
		}
		double step = frame.dataX(e.x);
		for (DoubleConsumer listener : stepListeners) {
			listener.accept(step);
		}
	}

	private void paint(GC gc) {
		Display display = canvas.getDisplay();
		Rectangle area = canvas.getClientArea();
		gc.setBackground(display.getSystemColor(SWT.COLOR_LIST_BACKGROUND));
		gc.fillRectangle(area);
		gc.setForeground(display.getSystemColor(SWT.COLOR_LIST_FOREGROUND));
		gc.drawString(title, 4, 2, true);
		Rectangle plot = new Rectangle(area.x + MARGIN_LEFT, area.y + MARGIN_TOP,
				Math.max(1, area.width - MARGIN_LEFT - MARGIN_RIGHT), Math.max(1, area.height - MARGIN_TOP - MARGIN_BOTTOM));
		frame = ChartFrame.fit(plot, series, logScale);
		if (frame == null) {
			Point extent = gc.textExtent(emptyText);
			gc.drawString(emptyText, area.x + (area.width - extent.x) / 2, area.y + (area.height - extent.y) / 2, true);
			return;
		}
		gc.setAntialias(SWT.ON);
		drawAxes(gc, frame);
		gc.setClipping(plot);
		for (ChartSeries s : series) {
			drawSeries(gc, frame, s);
		}
		drawCursor(gc, frame);
		gc.setClipping((Rectangle) null);
		drawLegend(gc, plot);
		if (mouse != null) {
			drawReadout(gc, area, nearest(mouse));
		}
	}

	private void drawAxes(GC gc, ChartFrame f) {
		Display display = canvas.getDisplay();
		Color text = display.getSystemColor(SWT.COLOR_LIST_FOREGROUND);
		Color grid = display.getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW);
		Rectangle plot = f.plot();
		int lineHeight = gc.getFontMetrics().getHeight();
		for (double tick : AxisTicks.linear(f.x0(), f.x1(), Math.max(2, plot.width / 90))) {
			int x = f.screenX(tick);
			gc.setForeground(grid);
			gc.drawLine(x, plot.y, x, plot.y + plot.height);
			gc.setForeground(text);
			String label = AxisTicks.format(tick);
			gc.drawString(label, x - gc.textExtent(label).x / 2, plot.y + plot.height + 3, true);
		}
		int yCount = Math.max(2, plot.height / (lineHeight * 2));
		double[] yTicks = f.log() ? AxisTicks.logarithmic(f.y0(), f.y1(), yCount) : AxisTicks.linear(f.y0(), f.y1(), yCount);
		for (double tick : yTicks) {
			int y = f.screenY(tick);
			gc.setForeground(grid);
			gc.drawLine(plot.x, y, plot.x + plot.width, y);
			gc.setForeground(text);
			String label = AxisTicks.format(f.log() ? Math.pow(10, tick) : tick);
			Point extent = gc.textExtent(label);
			gc.drawString(label, plot.x - extent.x - 4, y - extent.y / 2, true);
		}
		gc.setForeground(text);
		gc.drawRectangle(plot.x, plot.y, plot.width - 1, plot.height - 1);
	}

	private void drawSeries(GC gc, ChartFrame f, ChartSeries s) {
		gc.setForeground(new Color(s.highlighted() ? ChartPalette.ALARM : s.color()));
		gc.setLineWidth(s.highlighted() ? 3 : 1);
		gc.setLineStyle(s.lineStyle());
		Polyline line = new Polyline(gc);
		double[] x = s.drawn().x();
		double[] y = s.drawn().y();
		int n = s.drawn().size();
		// The outline may still hold more points than the plot has pixels: each bucket of them draws its
		// lowest and highest one only, so spikes stay visible.
		int bucket = Math.max(1, n / Math.max(1, 2 * f.plot().width));
		for (int start = 0; start < n; start += bucket) {
			int end = Math.min(n, start + bucket);
			int lowest = -1;
			int highest = -1;
			boolean gap = false;
			for (int i = start; i < end; i++) {
				if (!ChartFrame.valid(y[i], f.log())) {
					gap = true;
				} else {
					// raw values compare as their logarithms do
					if (lowest < 0 || y[i] < y[lowest]) {
						lowest = i;
					}
					if (highest < 0 || y[i] > y[highest]) {
						highest = i;
					}
				}
			}
			if (lowest >= 0) {
				int first = Math.min(lowest, highest);
				int second = Math.max(lowest, highest);
				line.add(f.screenX(x[first]), f.screenY(ChartFrame.value(y[first], f.log())));
				if (second != first) {
					line.add(f.screenX(x[second]), f.screenY(ChartFrame.value(y[second], f.log())));
				}
			}
			if (gap) {
				line.gap();
			}
		}
		line.gap();
		gc.setLineWidth(1);
		gc.setLineStyle(SWT.LINE_SOLID);
	}

	private void drawCursor(GC gc, ChartFrame f) {
		if (Double.isNaN(cursor) || cursor < f.x0() || cursor > f.x1()) {
			return;
		}
		int x = f.screenX(cursor);
		gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
		gc.setLineStyle(SWT.LINE_DASH);
		gc.drawLine(x, f.plot().y, x, f.plot().y + f.plot().height);
		gc.setLineStyle(SWT.LINE_SOLID);
	}

	private void drawLegend(GC gc, Rectangle plot) {
		if (series.size() < 2 && (series.isEmpty() || !series.get(0).highlighted())) {
			return;
		}
		int shown = Math.min(series.size(), LEGEND_ENTRIES);
		int lineHeight = gc.getFontMetrics().getHeight();
		int width = 0;
		for (int i = 0; i < shown; i++) {
			width = Math.max(width, gc.textExtent(legendLabel(series.get(i))).x);
		}
		String more = series.size() > shown ? "+" + (series.size() - shown) : null; //$NON-NLS-1$
		int rows = shown + (more == null ? 0 : 1);
		int boxWidth = width + 30;
		int x = plot.x + plot.width - boxWidth - 4;
		int y = plot.y + 4;
		Display display = canvas.getDisplay();
		gc.setAlpha(215);
		gc.setBackground(display.getSystemColor(SWT.COLOR_LIST_BACKGROUND));
		gc.fillRectangle(x, y, boxWidth, rows * lineHeight + 4);
		gc.setAlpha(255);
		for (int i = 0; i < shown; i++) {
			ChartSeries s = series.get(i);
			int rowY = y + 2 + i * lineHeight;
			gc.setForeground(new Color(s.highlighted() ? ChartPalette.ALARM : s.color()));
			gc.setLineWidth(s.highlighted() ? 3 : 2);
			gc.setLineStyle(s.lineStyle());
			gc.drawLine(x + 4, rowY + lineHeight / 2, x + 22, rowY + lineHeight / 2);
			gc.setLineWidth(1);
			gc.setLineStyle(SWT.LINE_SOLID);
			gc.setForeground(display.getSystemColor(SWT.COLOR_LIST_FOREGROUND));
			gc.drawString(legendLabel(s), x + 26, rowY, true);
		}
		if (more != null) {
			gc.drawString(more, x + 26, y + 2 + shown * lineHeight, true);
		}
	}

	private static String legendLabel(ChartSeries s) {
		return s.highlighted() ? s.label() + " \u26a0" : s.label(); //$NON-NLS-1$
	}

	private void drawReadout(GC gc, Rectangle area, Nearest nearest) {
		if (nearest == null) {
			return;
		}
		Display display = canvas.getDisplay();
		gc.setBackground(new Color(nearest.series().highlighted() ? ChartPalette.ALARM : nearest.series().color()));
		gc.fillOval(nearest.x() - 3, nearest.y() - 3, 7, 7);
		String text = nearest.text();
		Point extent = gc.textExtent(text);
		int x = Math.min(nearest.x() + 8, area.x + area.width - extent.x - 6);
		int y = Math.max(area.y, nearest.y() - extent.y - 8);
		gc.setBackground(display.getSystemColor(SWT.COLOR_INFO_BACKGROUND));
		gc.setForeground(display.getSystemColor(SWT.COLOR_INFO_FOREGROUND));
		gc.fillRectangle(x, y, extent.x + 6, extent.y + 2);
		gc.drawRectangle(x, y, extent.x + 6, extent.y + 2);
		gc.drawString(text, x + 3, y + 1, true);
	}

	private Nearest nearest(Point point) {
		ChartFrame f = frame;
		if (f == null) {
			return null;
		}
		Nearest best = null;
		long bestDistance = (long) HOVER_DISTANCE * HOVER_DISTANCE;
		for (ChartSeries s : series) {
			double[] x = s.drawn().x();
			double[] y = s.drawn().y();
			for (int i = 0; i < s.drawn().size(); i++) {
				double v = ChartFrame.value(y[i], f.log());
				if (!Double.isFinite(v)) {
					continue;
				}
				int sx = f.screenX(x[i]);
				int sy = f.screenY(v);
				long dx = sx - point.x;
				long dy = sy - point.y;
				long distance = dx * dx + dy * dy;
				if (distance <= bestDistance) {
					bestDistance = distance;
					best = new Nearest(s, x[i], y[i], sx, sy);
				}
			}
		}
		return best;
	}

	private record Nearest(ChartSeries series, double step, double value, int x, int y) {
		String text() {
			return series.label() + ": " + AxisTicks.format(value) + " @ " + Math.round(step); //$NON-NLS-1$ //$NON-NLS-2$
		}
	}
}
