package org.ganworkbench.ui.internal.launching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.eclipse.core.resources.IProject;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.jdt.debug.core.IJavaMethodBreakpoint;
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.eclipse.jdt.debug.core.JDIDebugModel;
import org.ganworkbench.core.internal.launching.StopOnNanBreakpoint;
import org.ganworkbench.tests.support.ErrorLog;
import org.ganworkbench.ui.tests.StopOnNanLaunch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Debug As with "Stop on the first NaN": a project's custom layer whose output holds a NaN from step 3
 * suspends the launch in NonFiniteHook.firstNonFinite at step 3, with the layer, its inputs and its
 * output in the Variables view's scope; the breakpoint is the one the launch set.
 */
class StopOnNanTest {

	private ErrorLog errorLog;
	private IProject project;
	private ILaunch launch;

	@BeforeEach
	void createProject() throws Exception {
		errorLog = new ErrorLog();
		project = StopOnNanLaunch.project("stop-on-nan-test");
	}

	@AfterEach
	void cleanUp() throws Exception {
		if (launch != null && !launch.isTerminated()) {
			launch.terminate();
		}
		StopOnNanBreakpoint.ensure().delete();
		project.delete(true, true, null);
		errorLog.close();
		errorLog.assertNoErrors();
	}

	@Test
	void aDebugLaunchStopsInTheHookAtTheStepTheNanIsBorn() throws Exception {
		launch = StopOnNanLaunch.launchToTheHook(project);
		IJavaStackFrame frame = StopOnNanLaunch.hookFrame(launch);
		assertEquals("noise1", frame.findVariable("module").getValue().getValueString(), "the layer that made the NaN");
		assertEquals("forward", frame.findVariable("phase").getValue().getValueString());
		assertEquals("3", frame.findVariable("step").getValue().getValueString(), "the step the NaN was born in");
		assertTrue(frame.findVariable("output").getValue().getReferenceTypeName().contains("NDArray"));
		assertTrue(frame.findVariable("inputs") != null, "the layer's inputs in scope");
		assertTrue(Arrays.stream(frame.getThread().getStackFrames())
				.anyMatch(f -> safeName((IJavaStackFrame) f).equals("trainStep")), "suspended inside the training step");

		assertTrue(Arrays.stream(DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(JDIDebugModel.getPluginIdentifier()))
				.anyMatch(b -> b instanceof IJavaMethodBreakpoint m && methodOf(m).equals(StopOnNanBreakpoint.METHOD)),
				"the launch set the hook's breakpoint");
	}

	private static String safeName(IJavaStackFrame frame) {
		try {
			return frame.getMethodName();
		} catch (DebugException e) {
			return "";
		}
	}

	private static String methodOf(IJavaMethodBreakpoint breakpoint) {
		try {
			return breakpoint.getMethodName();
		} catch (Exception e) {
			return "";
		}
	}
}
