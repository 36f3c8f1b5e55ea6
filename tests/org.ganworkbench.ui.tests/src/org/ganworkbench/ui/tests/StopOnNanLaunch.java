package org.ganworkbench.ui.tests;

import static org.ganworkbench.ui.tests.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

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
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.ganworkbench.core.internal.launching.StopOnNanBreakpoint;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.tests.support.TrainingLaunches;

/**
 * A small project whose custom layer noise1 puts a NaN into its output from step 3, launched with Debug
 * As and "Stop on the first NaN": the launch suspends in NonFiniteHook.firstNonFinite at step 3 with
 * the layer's name, inputs and output in scope.
 */
public final class StopOnNanLaunch {

	static final String NAN_LAYER = """
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

	private StopOnNanLaunch() {
	}

	/**
	 * The project of {@link TrainingLaunches#smallProject} with noise1 replaced by the NaN layer. GAN
	 * launches switch to no perspective: the modal "switch to the Debug perspective?" question a
	 * suspension asks, in a UI job that may run after the test, would block every later test.
	 */
	public static IProject project(String name) throws Exception {
		DebugUITools.setLaunchPerspective(DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(GanLaunchConstants.LAUNCH_TYPE_ID), ILaunchManager.DEBUG_MODE,
				IDebugUIConstants.PERSPECTIVE_NONE);
		IProject project = TrainingLaunches.smallProject(name);
		project.getFile("src/gan/layers/NanAtStep3.java")
				.create(new ByteArrayInputStream(NAN_LAYER.getBytes(StandardCharsets.UTF_8)), true, null);
		IFile model = project.getFile("dcgan.gan");
		String text = new String(model.getContents().readAllBytes(), model.getCharset());
		String example = "custom noise1 { class = \"gan.layers.ScaledNoise\"; params = 64; strength = 0.1 }";
		assertTrue(text.contains(example), text);
		model.setContents(new ByteArrayInputStream(text.replace(example, "custom noise1 { class = \"gan.layers.NanAtStep3\"; params = 1 }")
				.getBytes(model.getCharset())), true, false, null);
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);
		return project;
	}

	/** Debug As with "Stop on the first NaN", waiting until the launch suspends in the hook. */
	public static ILaunch launchToTheHook(IProject project) throws Exception {
		ILaunchConfigurationWorkingCopy configuration = TrainingLaunches.configuration(project, 6).getWorkingCopy();
		configuration.setAttribute(GanLaunchConstants.ATTR_STOP_ON_NAN, true);
		ILaunch launch = configuration.launch(ILaunchManager.DEBUG_MODE, null, true);
		waitUntil("the launch suspends in the hook", TrainingLaunches.RUN_TIMEOUT, () -> hookFrame(launch) != null,
				() -> TrainingLaunches.output(launch));
		return launch;
	}

	/** The top frame of a thread suspended in the hook, or null. */
	public static IJavaStackFrame hookFrame(ILaunch launch) {
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
}
