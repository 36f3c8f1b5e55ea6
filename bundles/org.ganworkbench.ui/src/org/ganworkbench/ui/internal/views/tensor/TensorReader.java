package org.ganworkbench.ui.internal.views.tensor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.jdt.debug.core.IJavaArray;
import org.eclipse.jdt.debug.core.IJavaClassType;
import org.eclipse.jdt.debug.core.IJavaDebugTarget;
import org.eclipse.jdt.debug.core.IJavaInterfaceType;
import org.eclipse.jdt.debug.core.IJavaObject;
import org.eclipse.jdt.debug.core.IJavaPrimitiveValue;
import org.eclipse.jdt.debug.core.IJavaThread;
import org.eclipse.jdt.debug.core.IJavaType;
import org.eclipse.jdt.debug.core.IJavaValue;

/**
 * Reads a tensor of a suspended trainer for the Tensor view: calls the trainer's
 * {@code TensorSlice.of(array, sample)} over JDI in the suspended thread, so only the bounded slice
 * crosses the connection, and turns the record's fields into a {@link TensorPicture}.
 */
public final class TensorReader {

	static final String INDARRAY = "org.nd4j.linalg.api.ndarray.INDArray";
	static final String SLICE = "org.ganworkbench.trainer.api.debug.TensorSlice";
	private static final String SLICE_OF = "(Lorg/nd4j/linalg/api/ndarray/INDArray;I)Lorg/ganworkbench/trainer/api/debug/TensorSlice;";

	private TensorReader() {
	}

	/** True for a non-null object whose class implements INDArray. */
	public static boolean isTensor(IValue value) throws DebugException {
		if (!(value instanceof IJavaObject object) || object.isNull() || !(object.getJavaType() instanceof IJavaClassType type)) {
			return false;
		}
		for (IJavaInterfaceType implemented : type.getAllInterfaces()) {
			if (implemented.getName().equals(INDARRAY)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Reads as {@link #read} does, in the queue of {@code thread}'s evaluations: the Variables view
	 * evaluates its logical structures in the same thread, and two invocations at once fail.
	 */
	public static TensorPicture readQueued(String name, IJavaObject tensor, IJavaThread thread, int sample,
			IProgressMonitor monitor) throws DebugException, InterruptedException {
		CompletableFuture<TensorPicture> result = new CompletableFuture<>();
		thread.queueRunnable(() -> {
			try {
				result.complete(read(name, tensor, thread, sample));
			} catch (DebugException | RuntimeException e) {
				result.completeExceptionally(e);
			}
		});
		while (true) {
			try {
				return result.get(100, TimeUnit.MILLISECONDS);
			} catch (TimeoutException e) {
				if (monitor.isCanceled()) {
					throw new InterruptedException();
				}
			} catch (ExecutionException e) {
				if (e.getCause() instanceof DebugException debug) {
					throw debug;
				}
				throw (RuntimeException) e.getCause();
			}
		}
	}

	/** Sample {@code sample} of {@code tensor}, read in {@code thread}, which must be suspended at a breakpoint or step. */
	public static TensorPicture read(String name, IJavaObject tensor, IJavaThread thread, int sample) throws DebugException {
		IJavaClassType slices = sliceType(tensor, thread);
		IJavaDebugTarget target = (IJavaDebugTarget) tensor.getDebugTarget();
		IJavaObject slice = (IJavaObject) slices.sendMessage("of", SLICE_OF,
				new IJavaValue[] { tensor, target.newValue(sample) }, thread);
		IJavaValue[] shape = ((IJavaArray) field(slice, "shape")).getValues();
		long[] dimensions = new long[shape.length];
		for (int i = 0; i < shape.length; i++) {
			dimensions[i] = ((IJavaPrimitiveValue) shape[i]).getLongValue();
		}
		IJavaValue[] cells = ((IJavaArray) field(slice, "values")).getValues();
		float[] values = new float[cells.length];
		for (int i = 0; i < cells.length; i++) {
			values[i] = ((IJavaPrimitiveValue) cells[i]).getFloatValue();
		}
		return new TensorPicture(name, dimensions, field(slice, "dataType").getValueString(), longField(slice, "samples"),
				longField(slice, "sample"), (int) longField(slice, "channels"), (int) longField(slice, "height"),
				(int) longField(slice, "width"), (int) longField(slice, "rowStride"), (int) longField(slice, "columnStride"),
				values);
	}

	/** TensorSlice as the trainer's class loader sees it, loaded through that loader if nothing has used it yet. */
	private static IJavaClassType sliceType(IJavaObject tensor, IJavaThread thread) throws DebugException {
		IJavaDebugTarget target = (IJavaDebugTarget) tensor.getDebugTarget();
		IJavaType[] loaded = target.getJavaTypes(SLICE);
		if (loaded == null || loaded.length == 0) {
			IJavaObject tensorClass = (IJavaObject) tensor.sendMessage("getClass", "()Ljava/lang/Class;", new IJavaValue[0], thread, false);
			IJavaValue loader = tensorClass.sendMessage("getClassLoader", "()Ljava/lang/ClassLoader;", new IJavaValue[0], thread, false);
			IJavaClassType classes = (IJavaClassType) target.getJavaTypes("java.lang.Class")[0];
			classes.sendMessage("forName", "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;",
					new IJavaValue[] { target.newValue(SLICE), target.newValue(true), loader }, thread);
			loaded = target.getJavaTypes(SLICE);
		}
		if (loaded == null || loaded.length == 0 || !(loaded[0] instanceof IJavaClassType type)) {
			throw new DebugException(org.eclipse.core.runtime.Status.error(SLICE + " is not on the trainer's class path"));
		}
		return type;
	}

	private static IJavaValue field(IJavaObject object, String name) throws DebugException {
		return (IJavaValue) object.getField(name, false).getValue();
	}

	private static long longField(IJavaObject object, String name) throws DebugException {
		return ((IJavaPrimitiveValue) field(object, name)).getLongValue();
	}
}
