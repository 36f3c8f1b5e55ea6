package org.ganworkbench.ui.internal.launching;

import static org.ganworkbench.ui.tests.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jdt.debug.core.IJavaMethodBreakpoint;
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.eclipse.jdt.debug.core.JDIDebugModel;
import org.ganworkbench.core.internal.launching.StopOnNanBreakpoint;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.tests.support.ErrorLog;
import org.ganworkbench.tests.support.TrainingLaunches;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Debug As with "Stop on the first NaN": a project's custom layer whose output holds a NaN from step 3
 * suspends the launch in NonFiniteHook.firstNonFinite at step 3, with the layer, its inputs and its
 * output in the Variables view's scope; the breakpoint is the one the launch set.
 */
class StopOnNanTest {

	private static final String NAN_LAYER = """
			package gan.layers;

			import org.ganworkbench.trainer.api.CustomLayer;
			import org.nd4j.linalg.api.ndarray.INDArray;
			import org.nd4j.linalg.factory.Nd4j;

			public class NanAtStep3 implements CustomLayer {
				@Override
				public void setup(Setup setup) {
					setup.addParameter("gain", Nd4j.ones(1));
				}

				@Override
				public INDArray forward(INDArray input, Context context) {
					context.save(input);
					INDArray output = input.mul(context.parameter("gain").getDouble(0));
					if (context.step() >= 3) {
						output.putScalar(0, Double.NaN);
					}
					return output;
				}

				@Override
				public INDArray backward(INDArray gradOutput, Context context) {
					INDArray input = (INDArray) context.saved()[0];
					context.addGradient("gain", gradOutput.mul(input).sum().reshape(1));
					return gradOutput.mul(context.parameter("gain").getDouble(0));
				}
			}
			""";

	private ErrorLog errorLog;
	private IProject project;
	private ILaunch launch;

	@BeforeEach
	void createProject() throws Exception {
		errorLog = new ErrorLog();
		project = TrainingLaunches.smallProject("stop-on-nan-test");
		// The modal "switch to the Debug perspective?" question a suspension asks, in a UI job that may
		// run after this test, would block every later test: GAN launches switch to no perspective here.
		DebugUITools.setLaunchPerspective(DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(GanLaunchConstants.LAUNCH_TYPE_ID), ILaunchManager.DEBUG_MODE,
				IDebugUIConstants.PERSPECTIVE_NONE);
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
		project.getFile("src/gan/layers/NanAtStep3.java")
				.create(new ByteArrayInputStream(NAN_LAYER.getBytes(StandardCharsets.UTF_8)), true, null);
		IFile model = project.getFile("dcgan.gan");
		String text = new String(model.getContents().readAllBytes(), model.getCharset());
		String example = "custom noise1 { class = \"gan.layers.ScaledNoise\"; params = 64; strength = 0.1 }";
		assertTrue(text.contains(example), text);
		model.setContents(new ByteArrayInputStream(text.replace(example, "custom noise1 { class = \"gan.layers.NanAtStep3\"; params = 1 }")
				.getBytes(model.getCharset())), true, false, null);
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);

		ILaunchConfigurationWorkingCopy configuration = TrainingLaunches.configuration(project, 6).getWorkingCopy();
		configuration.setAttribute(GanLaunchConstants.ATTR_STOP_ON_NAN, true);
		launch = configuration.launch(ILaunchManager.DEBUG_MODE, null, true);

		waitUntil("the launch suspends in the hook", TrainingLaunches.RUN_TIMEOUT, () -> hookFrame() != null,
				() -> TrainingLaunches.output(launch));
		IJavaStackFrame frame = hookFrame();
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

	/** The top frame of a thread suspended in the hook, or null. */
	private IJavaStackFrame hookFrame() {
		try {
			if (launch.getDebugTarget() == null) {
				return null;
			}
			for (IThread thread : launch.getDebugTarget().getThreads()) {
				if (thread.isSuspended() && thread.getTopStackFrame() instanceof IJavaStackFrame top
						&& top.getMethodName().equals(StopOnNanBreakpoint.METHOD)) {
					return top;
				}
			}
		} catch (DebugException e) {
			return null;
		}
		return null;
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
