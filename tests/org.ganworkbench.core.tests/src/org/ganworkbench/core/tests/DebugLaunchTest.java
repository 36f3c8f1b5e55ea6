package org.ganworkbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.jdt.debug.core.IJavaLineBreakpoint;
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.eclipse.jdt.debug.core.IJavaThread;
import org.eclipse.jdt.debug.core.JDIDebugModel;
import org.ganworkbench.core.projects.GanProjects;
import org.ganworkbench.tests.support.TrainingLaunches;
import org.ganworkbench.tests.support.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Debug As > GAN Training: a line breakpoint in the project's custom layer stops a training step. */
class DebugLaunchTest {

	private IProject project;
	private IBreakpoint breakpoint;

	@AfterEach
	void cleanUp() throws Exception {
		if (breakpoint != null) {
			breakpoint.delete();
		}
		if (project != null) {
			project.delete(true, true, null);
		}
	}

	@Test
	void aBreakpointInTheCustomLayerSuspendsTheTrainer() throws Exception {
		project = TrainingLaunches.smallProject("debug-test");
		project.build(org.eclipse.core.resources.IncrementalProjectBuilder.FULL_BUILD, null);
		IFile layer = project.getFile(GanProjects.EXAMPLE_LAYER_PATH);
		int line = firstLineOfForward(new String(layer.getContents().readAllBytes(), layer.getCharset()));
		IJavaLineBreakpoint lineBreakpoint = JDIDebugModel.createLineBreakpoint(layer, "gan.layers.ScaledNoise", line,
				-1, -1, 0, true, null);
		breakpoint = lineBreakpoint;

		List<IJavaThread> suspended = new CopyOnWriteArrayList<>();
		IDebugEventSetListener listener = events -> {
			for (DebugEvent event : events) {
				if (event.getKind() == DebugEvent.SUSPEND && event.getDetail() == DebugEvent.BREAKPOINT
						&& event.getSource() instanceof IJavaThread thread) {
					suspended.add(thread);
				}
			}
		};
		DebugPlugin.getDefault().addDebugEventListener(listener);
		try {
			ILaunch launch = TrainingLaunches.configuration(project, 2).launch(ILaunchManager.DEBUG_MODE, null);
			Wait.until("the trainer suspends at the breakpoint", TrainingLaunches.RUN_TIMEOUT, () -> !suspended.isEmpty(),
					() -> TrainingLaunches.output(launch));
			IJavaThread thread = suspended.get(0);
			IJavaStackFrame frame = (IJavaStackFrame) thread.getTopStackFrame();
			assertNotNull(frame);
			assertEquals("gan.layers.ScaledNoise", frame.getDeclaringTypeName());
			assertEquals(line, frame.getLineNumber());
			assertTrue(frame.getVariables().length > 0, "the step's live values are visible");

			breakpoint.delete();
			breakpoint = null;
			thread.resume();
			Wait.until("the trainer runs to its end", TrainingLaunches.RUN_TIMEOUT, launch::isTerminated,
					() -> TrainingLaunches.output(launch));
			assertEquals(0, launch.getProcesses()[0].getExitValue());
		} finally {
			DebugPlugin.getDefault().removeDebugEventListener(listener);
		}
	}

	/** The line of the first statement of {@code forward(...)}. */
	private static int firstLineOfForward(String source) {
		String[] lines = source.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].contains(" forward(")) {
				return i + 2;
			}
		}
		throw new AssertionError("no forward method in the example layer");
	}
}
