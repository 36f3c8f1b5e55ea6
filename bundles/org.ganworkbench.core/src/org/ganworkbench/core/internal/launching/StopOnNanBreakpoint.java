package org.ganworkbench.core.internal.launching;

import java.util.HashMap;

import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.jdt.debug.core.IJavaMethodBreakpoint;
import org.eclipse.jdt.debug.core.JDIDebugModel;

/**
 * The breakpoint a Debug As launch with "Stop on the first NaN" sets for the user: on entry to the
 * trainer's NonFiniteHook.firstNonFinite, where the module, its inputs and its non-finite output are
 * in scope. Made once, in the workspace's breakpoints (the Breakpoints view shows it; the user may
 * disable it), and enabled again by each such launch.
 */
public final class StopOnNanBreakpoint {

	public static final String TYPE = "org.ganworkbench.trainer.api.debug.NonFiniteHook"; //$NON-NLS-1$
	public static final String METHOD = "firstNonFinite"; //$NON-NLS-1$
	private static final String SIGNATURE = "(Ljava/lang/String;Ljava/lang/String;J[Lorg/nd4j/linalg/api/ndarray/INDArray;" //$NON-NLS-1$
			+ "Lorg/nd4j/linalg/api/ndarray/INDArray;Lorg/ganworkbench/trainer/api/debug/TensorSummary;)V"; //$NON-NLS-1$

	private StopOnNanBreakpoint() {
	}

	/** The hook's method breakpoint, made or enabled. */
	public static IJavaMethodBreakpoint ensure() throws CoreException {
		for (IBreakpoint breakpoint : DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(JDIDebugModel.getPluginIdentifier())) {
			if (breakpoint instanceof IJavaMethodBreakpoint method && TYPE.equals(method.getTypeName())
					&& METHOD.equals(method.getMethodName())) {
				method.setEnabled(true);
				return method;
			}
		}
		return JDIDebugModel.createMethodBreakpoint(ResourcesPlugin.getWorkspace().getRoot(), TYPE, METHOD, SIGNATURE, true,
				false, false, -1, -1, -1, 0, true, new HashMap<>()); // JDT adds to the attributes
	}
}
