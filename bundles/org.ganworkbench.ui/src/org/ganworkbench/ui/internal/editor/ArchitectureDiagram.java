package org.ganworkbench.ui.internal.editor;

import java.io.IOException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.eclipse.jface.resource.ColorDescriptor;
import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.events.MouseEvent;
import org.eclipse.swt.events.MouseListener;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.ganworkbench.model.LayerType;
import org.ganworkbench.model.NetworkRole;
import org.ganworkbench.model.syntax.Problem;
import org.ganworkbench.ui.internal.editor.DiagramLayout.Column;
import org.ganworkbench.ui.internal.editor.DiagramLayout.Edge;
import org.ganworkbench.ui.internal.views.chart.ChartExport;

/**
 * G and D drawn side by side as layer stacks on a plain SWT canvas: a box per layer with its name,
 * type, output shape and parameter count, arrows between consecutive layers, lanes on the right for
 * skip and merge inputs, totals below. Layers with errors are red and show the messages as tooltip.
 */
public final class ArchitectureDiagram {

	private static final RGB WEIGHTED = new RGB(221, 234, 250);
	private static final RGB PLAIN = new RGB(240, 240, 240);
	private static final RGB NORM = new RGB(226, 243, 226);
	private static final RGB CUSTOM = new RGB(252, 243, 207);
	private static final RGB INPUT = new RGB(255, 255, 255);
	private static final RGB ERROR_FILL = new RGB(253, 222, 222);
	private static final RGB ERROR_LINE = new RGB(204, 0, 0);
	private static final RGB WARNING_LINE = new RGB(214, 150, 0);
	private static final RGB LINE = new RGB(110, 110, 110);
	private static final RGB SELECTION = new RGB(38, 110, 200);
	private static final RGB TEXT = new RGB(30, 30, 30);
	private static final RGB SKIP = new RGB(120, 90, 170);

	private final ScrolledComposite scroller;
	private final Canvas canvas;
	private final LocalResourceManager resources;
	private final Font bold;
	private final NumberFormat counts = NumberFormat.getIntegerInstance(Locale.ROOT);
	private final Consumer<LayerBox> onSelect;
	private final Consumer<LayerBox> onOpen;
	private static final double ZOOM_STEP = 1.25;
	private static final double MIN_ZOOM = 0.25;
	private static final double MAX_ZOOM = 4;

	private DiagramLayout layout;
	private LayerBox selected;
	private double zoom = 1;

	/**
	 * @param onSelect told when a click selects a box (or null when it hits nothing)
	 * @param onOpen told when a box is double-clicked
	 */
	public ArchitectureDiagram(Composite parent, Consumer<LayerBox> onSelect, Consumer<LayerBox> onOpen) {
		this.onSelect = onSelect;
		this.onOpen = onOpen;
		scroller = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL);
		canvas = new Canvas(scroller, SWT.DOUBLE_BUFFERED);
		canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
		scroller.setContent(canvas);
		scroller.setExpandHorizontal(true);
		scroller.setExpandVertical(true);
		resources = new LocalResourceManager(JFaceResources.getResources(), canvas);
		bold = resources.create(FontDescriptor.createFrom(canvas.getFont()).setStyle(SWT.BOLD));
		canvas.addPaintListener(e -> paintZoomed(e.gc));
		canvas.addListener(SWT.MouseVerticalWheel, e -> {
			if ((e.stateMask & SWT.MOD1) != 0) {
				e.doit = false;
				setZoom(zoom * (e.count > 0 ? ZOOM_STEP : 1 / ZOOM_STEP));
			}
		});
		canvas.addMouseListener(new MouseListener() {
			@Override
			public void mouseDown(MouseEvent e) {
				canvas.setFocus();
				if (e.button == 1 || e.button == 3) {
					select(boxAt(e.x, e.y));
					onSelect.accept(selected);
				}
			}

			@Override
			public void mouseDoubleClick(MouseEvent e) {
				LayerBox box = boxAt(e.x, e.y);
				if (box != null) {
					onOpen.accept(box);
				}
			}

			@Override
			public void mouseUp(MouseEvent e) {
				// selection happens on mouse down
			}
		});
		canvas.addMouseMoveListener(e -> {
			LayerBox box = boxAt(e.x, e.y);
			String tip = box == null ? null : tooltip(box);
			if (!Objects.equals(tip, canvas.getToolTipText())) {
				canvas.setToolTipText(tip);
			}
		});
	}

	public Control getControl() {
		return scroller;
	}

	/** The drawing itself: it takes the focus on a click, the keys and the context menu. */
	Control canvas() {
		return canvas;
	}

	/** Lays out and repaints the diagram for a new parse; keeps the selection by network and name. */
	public void setModel(ModelSnapshot snapshot) {
		layout = new DiagramLayout(snapshot);
		if (selected != null) {
			LayerBox previous = selected;
			selected = layout.boxes().stream()
					.filter(b -> b.role() == previous.role() && b.name().equals(previous.name())).findFirst().orElse(null);
		}
		sizeToZoom();
	}

	/** The scale the diagram is drawn at: 1 is its own size. */
	public double zoom() {
		return zoom;
	}

	/** Draws the diagram larger or smaller (Ctrl+wheel), between a quarter and four times its size. */
	public void setZoom(double zoom) {
		this.zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
		sizeToZoom();
	}

	private void sizeToZoom() {
		if (layout != null) {
			Point size = layout.size();
			scroller.setMinSize((int) Math.ceil(size.x * zoom), (int) Math.ceil(size.y * zoom));
		}
		canvas.redraw();
	}

	/** The box under a point of the canvas, which is drawn at the zoom. */
	private LayerBox boxAt(int x, int y) {
		return layout == null ? null : layout.boxAt((int) (x / zoom), (int) (y / zoom));
	}

	private void paintZoomed(GC gc) {
		if (zoom == 1) {
			paint(gc);
			return;
		}
		Transform scale = new Transform(gc.getDevice());
		try {
			scale.scale((float) zoom, (float) zoom);
			gc.setTransform(scale);
			paint(gc);
			gc.setTransform(null);
		} finally {
			scale.dispose();
		}
	}

	/** Every box drawn, inputs included, in column order. */
	public List<LayerBox> boxes() {
		return layout == null ? List.of() : layout.boxes();
	}

	public LayerBox selection() {
		return selected;
	}

	/** Selects a box (null clears) without telling the listener. */
	public void select(LayerBox box) {
		selected = box;
		canvas.redraw();
		if (box != null) {
			canvas.setToolTipText(tooltip(box));
		}
	}

	static String tooltip(LayerBox box) {
		if (!box.problems().isEmpty()) {
			return box.problems().stream().map(Problem::toString).collect(Collectors.joining("\n")); //$NON-NLS-1$
		}
		return NLS.bind(Messages.ArchitectureDiagram_tooltip, new Object[] { box.name(), box.type(), box.shape() });
	}

	/** The whole diagram, not only the part scrolled to, as a PNG file; UI thread. */
	public void writePng(Path file) throws IOException {
		if (layout == null) {
			throw new IOException("the model has not been read yet"); //$NON-NLS-1$
		}
		Point size = layout.size();
		ChartExport.writePng(canvas.getDisplay(), size, gc -> {
			gc.setBackground(canvas.getBackground());
			gc.fillRectangle(0, 0, size.x, size.y);
			gc.setFont(canvas.getFont());
			paint(gc);
		}, file);
	}

	private Color color(RGB rgb) {
		return resources.create(ColorDescriptor.createFrom(rgb));
	}

	private void paint(GC gc) {
		if (layout == null) {
			return;
		}
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
		for (Column column : layout.columns()) {
			paintColumn(gc, column);
		}
	}

	private void paintColumn(GC gc, Column column) {
		gc.setFont(bold);
		gc.setForeground(color(TEXT));
		String title = column.role() == NetworkRole.GENERATOR ? Messages.ArchitectureDiagram_generator
				: Messages.ArchitectureDiagram_discriminator;
		gc.drawString(title, column.x(), DiagramLayout.MARGIN, true);
		gc.setFont(canvas.getFont());
		List<LayerBox> boxes = column.boxes();
		gc.setForeground(color(LINE));
		gc.setLineWidth(1);
		for (int i = 1; i < boxes.size(); i++) {
			if (DiagramLayout.isSequential(column, i)) {
				Rectangle from = boxes.get(i - 1).bounds();
				Rectangle to = boxes.get(i).bounds();
				int x = from.x + from.width / 2;
				arrow(gc, x, from.y + from.height, x, to.y);
			}
		}
		gc.setForeground(color(SKIP));
		for (Edge edge : column.skipEdges()) {
			paintSkip(gc, edge);
		}
		Rectangle clip = gc.getClipping();
		for (LayerBox box : boxes) {
			if (box.bounds().intersects(clip)) { // text extents are slow: only what the scroller shows
				paintBox(gc, box);
			}
		}
		Rectangle last = boxes.get(boxes.size() - 1).bounds();
		gc.setForeground(color(TEXT));
		int y = last.y + last.height + 10;
		if (column.hidden() > 0) {
			gc.drawString(NLS.bind(Messages.ArchitectureDiagram_more, counts.format(column.hidden())), column.x(), y, true);
			y += DiagramLayout.FOOTER;
		}
		String total = NLS.bind(Messages.ArchitectureDiagram_total, counts.format(column.network().totalParams()),
				counts.format(column.network().trainableParams()));
		gc.drawString(total, column.x(), y, true);
	}

	private void paintSkip(GC gc, Edge edge) {
		Rectangle from = edge.from().bounds();
		Rectangle to = edge.to().bounds();
		int laneX = from.x + from.width + 14 + 10 * (edge.lane() % 9);
		int y1 = from.y + from.height / 2 + 4;
		int y2 = to.y + to.height / 2 - 4;
		gc.drawPolyline(new int[] { from.x + from.width, y1, laneX, y1, laneX, y2 });
		arrow(gc, laneX, y2, to.x + to.width, y2);
	}

	private void paintBox(GC gc, LayerBox box) {
		Rectangle r = box.bounds();
		gc.setBackground(color(box.hasError() ? ERROR_FILL : fillOf(box)));
		gc.fillRoundRectangle(r.x, r.y, r.width, r.height, 8, 8);
		RGB line = box == selected ? SELECTION : box.hasError() ? ERROR_LINE : box.hasWarning() ? WARNING_LINE : LINE;
		gc.setForeground(color(line));
		gc.setLineWidth(box == selected || box.hasError() ? 2 : 1);
		gc.drawRoundRectangle(r.x, r.y, r.width, r.height, 8, 8);
		gc.setLineWidth(1);
		gc.setForeground(color(box.hasError() ? ERROR_LINE : TEXT));
		gc.setFont(bold);
		gc.drawString(box.name(), r.x + 8, r.y + 4, true);
		gc.setFont(canvas.getFont());
		String type = box.type();
		gc.drawString(type, r.x + r.width - 8 - gc.textExtent(type).x, r.y + 4, true);
		gc.drawString(box.shape(), r.x + 8, r.y + r.height / 2 + 1, true);
		if (!box.isInput()) {
			String params = counts.format(box.layer().paramCount());
			gc.drawString(params, r.x + r.width - 8 - gc.textExtent(params).x, r.y + r.height / 2 + 1, true);
		}
	}

	private static RGB fillOf(LayerBox box) {
		if (box.isInput()) {
			return INPUT;
		}
		LayerType type = box.layer().type();
		if (type == LayerType.CUSTOM) {
			return CUSTOM;
		}
		if (type == LayerType.BATCH_NORM || type == LayerType.CONDITIONAL_BATCH_NORM || type == LayerType.LAYER_NORM) {
			return NORM;
		}
		return type.hasWeights() ? WEIGHTED : PLAIN;
	}

	private static void arrow(GC gc, int x1, int y1, int x2, int y2) {
		gc.drawLine(x1, y1, x2, y2);
		double angle = Math.atan2(y2 - y1, x2 - x1);
		int size = 6;
		int ax = (int) Math.round(x2 - size * Math.cos(angle - Math.PI / 7));
		int ay = (int) Math.round(y2 - size * Math.sin(angle - Math.PI / 7));
		int bx = (int) Math.round(x2 - size * Math.cos(angle + Math.PI / 7));
		int by = (int) Math.round(y2 - size * Math.sin(angle + Math.PI / 7));
		Color previous = gc.getBackground();
		gc.setBackground(gc.getForeground());
		gc.fillPolygon(new int[] { x2, y2, ax, ay, bx, by });
		gc.setBackground(previous);
	}
}
