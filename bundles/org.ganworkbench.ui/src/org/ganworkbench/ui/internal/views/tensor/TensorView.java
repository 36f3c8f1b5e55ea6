package org.ganworkbench.ui.internal.views.tensor;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IExpression;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jdt.debug.core.IJavaObject;
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.eclipse.jdt.debug.core.IJavaThread;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.part.ViewPart;

/**
 * The Tensor view: select an INDArray in the Variables or Expressions view while the trainer is
 * suspended and see it as an image (one sample's channels as a grid, a matrix as a heat map), with
 * the value under the cursor. The suspended trainer cuts the slice (TensorSlice), so a large tensor is
 * never copied whole into the IDE; the reading runs in a job, off the UI thread.
 */
public final class TensorView extends ViewPart {

	public static final String ID = "org.ganworkbench.ui.views.tensor";
	/** The family of the jobs that read a tensor, for tests that wait for them. */
	static final Object JOBS = new Object();

	private Label title;
	private Spinner sample;
	private ScrolledComposite scroller;
	private Canvas canvas;
	private Label cursor;
	private Image image;
	private TensorPicture picture;
	private Selected selected;
	private final ISelectionListener listener = this::selectionChanged;

	/** What the view draws: the variable's or expression's name, its tensor and the thread that can read it. */
	private record Selected(String name, IJavaObject tensor, IJavaThread thread) {
	}

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().numColumns(3).margins(4, 4).applyTo(parent);
		title = new Label(parent, SWT.WRAP);
		title.setText(Messages.TensorView_nothing);
		GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(title);
		new Label(parent, SWT.NONE).setText(Messages.TensorView_sample);
		sample = new Spinner(parent, SWT.BORDER);
		sample.setEnabled(false);
		sample.addListener(SWT.Selection, e -> read());
		// At least one screen pixel per value, so that every value can be pointed at: a picture larger
		// than the view scrolls, a smaller one is enlarged to fill it.
		scroller = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL);
		scroller.setExpandHorizontal(true);
		scroller.setExpandVertical(true);
		GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(scroller);
		canvas = new Canvas(scroller, SWT.DOUBLE_BUFFERED);
		scroller.setContent(canvas);
		canvas.addPaintListener(e -> paint(e.gc));
		canvas.addListener(SWT.MouseMove, e -> pointAt(e.x, e.y));
		cursor = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(cursor);
		getSite().getPage().addSelectionListener(IDebugUIConstants.ID_VARIABLE_VIEW, listener);
		getSite().getPage().addSelectionListener(IDebugUIConstants.ID_EXPRESSION_VIEW, listener);
		ISelection current = getSite().getPage().getSelection(IDebugUIConstants.ID_VARIABLE_VIEW);
		if (current != null) {
			selectionChanged(null, current);
		}
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

	@Override
	public void dispose() {
		getSite().getPage().removeSelectionListener(IDebugUIConstants.ID_VARIABLE_VIEW, listener);
		getSite().getPage().removeSelectionListener(IDebugUIConstants.ID_EXPRESSION_VIEW, listener);
		Job.getJobManager().cancel(JOBS);
		if (image != null) {
			image.dispose();
		}
		super.dispose();
	}

	private void selectionChanged(IWorkbenchPart part, ISelection selection) {
		if (!(selection instanceof IStructuredSelection structured) || structured.size() != 1) {
			return;
		}
		try {
			Object element = structured.getFirstElement();
			String name;
			IValue value;
			if (element instanceof IVariable variable) {
				name = variable.getName();
				value = variable.getValue();
			} else if (element instanceof IExpression expression) {
				name = expression.getExpressionText();
				value = expression.getValue();
			} else {
				return;
			}
			if (!TensorReader.isTensor(value)) {
				return; // another variable: the last tensor stays in view
			}
			IJavaThread thread = suspendedThread();
			if (thread == null) {
				title.setText(Messages.TensorView_notSuspended);
				return;
			}
			selected = new Selected(name, (IJavaObject) value, thread);
			sample.setSelection(0);
			read();
		} catch (DebugException e) {
			title.setText(NLS.bind(Messages.TensorView_failed, e.getMessage()));
		}
	}

	/** The thread of the debug context (the Debug view's selected frame), if suspended. */
	private static IJavaThread suspendedThread() throws DebugException {
		Object context = DebugUITools.getDebugContext();
		IJavaStackFrame frame = context == null ? null : (IJavaStackFrame) org.eclipse.core.runtime.Adapters.adapt(context, IJavaStackFrame.class);
		if (frame == null || !frame.getThread().isSuspended()) {
			return null;
		}
		return (IJavaThread) frame.getThread();
	}

	private void read() {
		Selected what = selected;
		if (what == null) {
			return;
		}
		int chosen = sample.getSelection();
		title.setText(NLS.bind(Messages.TensorView_reading, what.name()));
		Job job = new Job(NLS.bind(Messages.TensorView_reading, what.name())) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				try {
					TensorPicture read = TensorReader.readQueued(what.name(), what.tensor(), what.thread(), chosen, monitor);
					ImageData pixels = read.render(); // here, not on the UI thread
					canvas.getDisplay().asyncExec(() -> show(what, read, pixels));
				} catch (DebugException e) {
					canvas.getDisplay().asyncExec(() -> failed(what, e));
				} catch (InterruptedException e) {
					return Status.CANCEL_STATUS;
				}
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == JOBS;
			}
		};
		job.setSystem(true);
		job.schedule();
	}

	private void show(Selected what, TensorPicture read, ImageData pixels) {
		if (canvas.isDisposed() || what != selected) {
			return; // the selection moved on while the trainer cut this one
		}
		picture = read;
		if (image != null) {
			image.dispose();
		}
		image = new Image(canvas.getDisplay(), pixels);
		title.setText(read.title());
		sample.setEnabled(read.samples() > 1);
		sample.setValues((int) read.sample(), 0, (int) Math.min(Integer.MAX_VALUE, read.samples() - 1), 0, 1, 10);
		cursor.setText(Messages.TensorView_hover);
		scroller.setMinSize(read.pixelWidth(), read.pixelHeight());
		title.getParent().layout(true);
		canvas.redraw();
	}

	private void failed(Selected what, DebugException e) {
		if (!title.isDisposed() && what == selected) {
			title.setText(NLS.bind(Messages.TensorView_failed, e.getMessage()));
		}
	}

	/**
	 * Screen pixels per value: the largest whole number that fits the picture in the canvas, at least 1
	 * (a larger picture scrolls), so that every value is an equal square and can be pointed at.
	 */
	int scale() {
		if (picture == null || picture.pixelWidth() == 0 || picture.pixelHeight() == 0) {
			return 1;
		}
		Point size = canvas.getSize();
		return Math.max(1, Math.min(size.x / picture.pixelWidth(), size.y / picture.pixelHeight()));
	}

	private void paint(GC gc) {
		if (image == null) {
			return;
		}
		int scale = scale();
		gc.setInterpolation(SWT.NONE); // each value a crisp block
		gc.drawImage(image, 0, 0, picture.pixelWidth(), picture.pixelHeight(), 0, 0, picture.pixelWidth() * scale,
				picture.pixelHeight() * scale);
	}

	void pointAt(int x, int y) {
		if (picture == null) {
			return;
		}
		int scale = scale();
		TensorPicture.Cell cell = picture.cellAt(x / scale, y / scale);
		cursor.setText(cell == null ? "" : picture.describe(cell));
	}

	TensorPicture picture() {
		return picture;
	}

	String titleText() {
		return title.getText();
	}

	String cursorText() {
		return cursor.getText();
	}

	Canvas canvas() {
		return canvas;
	}

	Spinner sampleSpinner() {
		return sample;
	}
}
