package org.ganworkbench.ui.internal.views.tensor;

import static org.ganworkbench.ui.tests.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.resources.IProject;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IExpressionManager;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IVariable;
import org.eclipse.debug.core.model.IWatchExpression;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.IDebugView;
import org.eclipse.jdt.debug.core.IJavaArray;
import org.eclipse.jdt.debug.core.IJavaDebugTarget;
import org.eclipse.jdt.debug.core.IJavaObject;
import org.eclipse.jdt.debug.core.IJavaPrimitiveValue;
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.eclipse.jdt.debug.core.IJavaThread;
import org.eclipse.jdt.debug.core.IJavaValue;
import org.eclipse.jface.viewers.AbstractTreeViewer;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.ganworkbench.core.internal.launching.StopOnNanBreakpoint;
import org.ganworkbench.tests.support.ErrorLog;
import org.ganworkbench.tests.support.Jobs;
import org.ganworkbench.ui.tests.Screenshots;
import org.ganworkbench.ui.tests.StopOnNanLaunch;
import org.ganworkbench.ui.tests.UiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Tensor view on a real suspended trainer: Debug As with "Stop on the first NaN" stops in the
 * hook with noise1's output [N, C, H, W] in scope. Selecting it in the Variables view draws one sample's
 * channels; the value under the cursor and the drawn colours agree with what ND4J itself answers in the
 * trainer; another sample is read on request; an expression's matrix is a heat map.
 */
class TensorViewTest {

	private ErrorLog errorLog;
	private IProject project;
	private ILaunch launch;
	private IWorkbenchPage page;
	private IWatchExpression watch;

	@BeforeEach
	void suspendInTheHook() throws Exception {
		errorLog = new ErrorLog();
		project = StopOnNanLaunch.project("tensor-view-test");
		page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		Screenshots.sizeWindow();
		// The Debug view selects the suspended frame: the debug context the Variables view shows.
		page.showView(IDebugUIConstants.ID_DEBUG_VIEW);
		launch = StopOnNanLaunch.launchToTheHook(project);
	}

	@AfterEach
	void cleanUp() throws Exception {
		if (watch != null) {
			DebugPlugin.getDefault().getExpressionManager().removeExpression(watch);
		}
		if (launch != null && !launch.isTerminated()) {
			launch.terminate();
			waitUntil("the trainer ends", launch::isTerminated);
		}
		StopOnNanBreakpoint.ensure().delete();
		// The debug views stay open: Debug UI's own jobs (the Variables view's details pane) may still
		// run after the launch ends, and would log "widget is disposed" in a later test if hidden now.
		UiTestSupport.EVENT_LOOP.pause(500);
		IViewPart tensorView = page.findView(TensorView.ID);
		if (tensorView != null) {
			page.hideView(tensorView);
		}
		project.delete(true, true, null);
		errorLog.close();
		errorLog.assertNoErrors();
	}

	@Test
	void aSuspendedActivationIsDrawnChannelByChannelAndAMatrixAsAHeatMap() throws Exception {
		IJavaStackFrame frame = StopOnNanLaunch.hookFrame(launch);
		IJavaThread thread = (IJavaThread) frame.getThread();
		// An object stays valid while the trainer evaluates for the view; a frame must be asked for again.
		IJavaObject tensor = (IJavaObject) frame.findVariable("output").getValue();
		waitUntil("the Debug view makes the hook's frame the debug context", () -> frame.equals(debugContextFrame()),
				() -> String.valueOf(DebugUITools.getDebugContext()));

		IDebugView variables = (IDebugView) page.showView(IDebugUIConstants.ID_VARIABLE_VIEW);
		Tree tree = (Tree) variables.getViewer().getControl();
		waitUntil("the Variables view lists output", () -> item(tree.getItems(), "output") != null, () -> names(tree.getItems()));
		TreeItem output = item(tree.getItems(), "output");
		expand(variables, output); // the logical structure: summary, shape, dataType
		waitUntil("output's summary line, computed in the trainer, counts the one NaN",
				() -> item(output.getItems(), "summary") != null && text(item(output.getItems(), "summary")).contains("NaN 1, Inf 0"),
				() -> names(output.getItems()));
		saveVariablesScreenshot(variables);

		TensorView view = (TensorView) page.showView(TensorView.ID);
		Object outputVariable = output.getData();
		waitUntil("the Tensor view draws output", () -> {
			if (view.picture() == null && Jobs.done(TensorView.JOBS).getAsBoolean()) {
				// again while the virtual tree may not have the row yet (a selection of no row is dropped)
				variables.getViewer().setSelection(new StructuredSelection(outputVariable));
			}
			return view.picture() != null && Jobs.done(TensorView.JOBS).getAsBoolean();
		}, view::titleText);
		TensorPicture picture = view.picture();

		// Shape and values as ND4J answers them in the trainer, asked independently of the view.
		long[] shape = longs((IJavaArray) inTrainer(thread, () -> tensor.sendMessage("shape", "()[J", new IJavaValue[0], thread, false)));
		assertEquals(4, shape.length, Arrays.toString(shape));
		assertArrayEquals(shape, picture.shape());
		assertFalse(picture.isHeatMap());
		assertEquals(shape[1], picture.channels(), "every channel of a small activation drawn");
		assertEquals(shape[0], picture.samples());
		assertTrue(view.titleText().startsWith("output: FLOAT " + Arrays.toString(shape) + ", sample 0 of " + shape[0]),
				view.titleText());

		// The NaN noise1 put at [0, 0, 0, 0]: under the cursor, and magenta.
		pointAt(view, 0, 0);
		assertEquals("[0, 0, 0, 0] = NaN", view.cursorText());
		ImageData drawn = picture.render();
		assertEquals(TensorPicture.NON_FINITE, drawn.palette.getRGB(drawn.getPixel(0, 0)));
		// Channel 1, row 2, column 3 sits in the second tile.
		int width = (int) shape[3];
		pointAt(view, width + TensorPicture.GAP + 3, 2);
		long index = ((0 * shape[1] + 1) * shape[2] + 2) * shape[3] + 3;
		float expected = valueAt(tensor, index, thread);
		assertTrue(view.cursorText().startsWith("[0, 1, 2, 3] = "), () -> view.cursorText() + " at scale " + view.scale()
				+ " of a " + picture.pixelWidth() + "x" + picture.pixelHeight() + " picture on a " + view.canvas().getSize() + " canvas");
		assertEquals(expected, Float.parseFloat(view.cursorText().substring("[0, 1, 2, 3] = ".length())), Math.abs(expected) * 1e-5f);
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		waitUntil("the maximised view enlarges the picture", () -> view.scale() > 4, () -> "scale " + view.scale());
		pointAt(view, width + TensorPicture.GAP + 3, 2);
		Screenshots.save("view-tensor");
		page.setPartState(page.getReference(view), IWorkbenchPage.STATE_RESTORED);

		// Another sample, read in the trainer on request.
		view.sampleSpinner().setSelection(1);
		view.sampleSpinner().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
		waitUntil("the Tensor view draws sample 1", () -> view.picture().sample() == 1 && Jobs.done(TensorView.JOBS).getAsBoolean(),
				view::titleText);
		pointAt(view, 0, 0);
		long sampleOne = shape[1] * shape[2] * shape[3];
		float first = valueAt(tensor, sampleOne, thread);
		assertTrue(view.cursorText().startsWith("[1, 0, 0, 0] = "), view.cursorText());
		assertEquals(first, Float.parseFloat(view.cursorText().substring("[1, 0, 0, 0] = ".length())), Math.abs(first) * 1e-5f);

		// An expression's matrix, from the Expressions view: a heat map.
		IExpressionManager expressions = DebugPlugin.getDefault().getExpressionManager();
		watch = expressions.newWatchExpression("output.reshape(output.size(0), -1)");
		expressions.addExpression(watch);
		IDebugView expressionView = (IDebugView) page.showView(IDebugUIConstants.ID_EXPRESSION_VIEW);
		watch.setExpressionContext(StopOnNanLaunch.hookFrame(launch));
		waitUntil("the expression is evaluated", () -> !watch.isPending() && watch.getValue() != null,
				() -> Arrays.toString(watch.getErrorMessages()));
		page.showView(TensorView.ID);
		waitUntil("the Tensor view draws the matrix", () -> {
			if (!view.picture().isHeatMap() && Jobs.done(TensorView.JOBS).getAsBoolean()) {
				// again until the Expressions view's tree has the row (a selection of no row is dropped)
				expressionView.getViewer().setSelection(new StructuredSelection(watch));
			}
			return view.picture().isHeatMap() && Jobs.done(TensorView.JOBS).getAsBoolean();
		}, view::titleText);
		assertArrayEquals(new long[] { shape[0], shape[1] * shape[2] * shape[3] }, view.picture().shape());
		pointAt(view, 0, 1);
		assertTrue(view.cursorText().startsWith("[1, 0] = "), view.cursorText());
		assertEquals(first, Float.parseFloat(view.cursorText().substring("[1, 0] = ".length())), Math.abs(first) * 1e-5f);
	}

	/** The Variables view maximised, output selected and expanded to its summary. */
	private void saveVariablesScreenshot(IDebugView variables) throws Exception {
		page.bringToTop(variables);
		page.setPartState(page.getReference(variables), IWorkbenchPage.STATE_MAXIMIZED);
		AbstractTreeViewer viewer = (AbstractTreeViewer) variables.getViewer();
		Tree tree = (Tree) viewer.getControl();
		// Only for the picture: evaluations in the trainer renew the variables, and the virtual tree
		// fills its rows as it paints them, so ask for the current output row until it shows its summary.
		// (Selecting the row would make the details pane call toString() in the trainer: another refresh.)
		long until = System.nanoTime() + 10_000_000_000L;
		while (System.nanoTime() < until) {
			TreeItem output = item(tree.getItems(), "output");
			TreeItem summary = output == null ? null : item(output.getItems(), "summary");
			if (output != null && output.getExpanded() && summary != null && text(summary).contains("NaN 1")) {
				break;
			}
			if (output != null) {
				viewer.expandToLevel(new TreePath(new Object[] { output.getData() }), 1);
				output.setExpanded(true);
			}
			UiTestSupport.EVENT_LOOP.pause(500);
		}
		Screenshots.save("debug-variables-tensor");
		page.setPartState(page.getReference(variables), IWorkbenchPage.STATE_RESTORED);
	}

	/** Expands the variable at the end of a path as its arrow does; the virtual tree fills rows when they are shown. */
	private static void expand(IDebugView view, TreeItem... path) {
		Object[] elements = Arrays.stream(path).map(TreeItem::getData).toArray();
		((AbstractTreeViewer) view.getViewer()).expandToLevel(new TreePath(elements), 1);
	}

	/** Moves the view's cursor to the middle of picture pixel (x, y). */
	private static void pointAt(TensorView view, int x, int y) {
		int scale = view.scale();
		view.pointAt(x * scale + scale / 2, y * scale + scale / 2);
	}

	/** ND4J's own getDouble(index), in the trainer. */
	private float valueAt(IJavaObject tensor, long index, IJavaThread thread) throws Exception {
		IJavaValue argument = ((IJavaDebugTarget) launch.getDebugTarget()).newValue(index);
		return (float) ((IJavaPrimitiveValue) inTrainer(thread,
				() -> tensor.sendMessage("getDouble", "(J)D", new IJavaValue[] { argument }, thread, false))).getDoubleValue();
	}

	/** Invokes in the thread's queue of evaluations, after what the Variables view evaluates there. */
	private static IJavaValue inTrainer(IJavaThread thread, Callable<IJavaValue> invocation) throws Exception {
		CompletableFuture<IJavaValue> result = new CompletableFuture<>();
		thread.queueRunnable(() -> {
			try {
				result.complete(invocation.call());
			} catch (Exception e) {
				result.completeExceptionally(e);
			}
		});
		waitUntil("the trainer answers", result::isDone, () -> "");
		return result.get();
	}

	private static IJavaStackFrame debugContextFrame() {
		Object context = DebugUITools.getDebugContext();
		return context instanceof IJavaStackFrame frame ? frame : null;
	}

	private static TreeItem item(TreeItem[] items, String name) {
		for (TreeItem item : items) {
			item.getText(); // a virtual tree fills an item when it is read
			if (item.getData() instanceof IVariable variable && name.equals(nameOf(variable))) {
				return item;
			}
		}
		return null;
	}

	private static String nameOf(IVariable variable) {
		try {
			return variable.getName();
		} catch (DebugException e) {
			return "";
		}
	}

	private static String names(TreeItem[] items) {
		return Arrays.stream(items).map(TensorViewTest::text).toList().toString();
	}

	/** Every column's text: the Variables view shows "name= value" in one column or name and value in two. */
	private static String text(TreeItem item) {
		StringBuilder text = new StringBuilder(item.getText());
		for (int i = 1; i < item.getParent().getColumnCount(); i++) {
			text.append(' ').append(item.getText(i));
		}
		return text.toString();
	}

	private static long[] longs(IJavaArray array) throws DebugException {
		IJavaValue[] values = array.getValues();
		long[] result = new long[values.length];
		for (int i = 0; i < values.length; i++) {
			result[i] = ((IJavaPrimitiveValue) values[i]).getLongValue();
		}
		return result;
	}
}
