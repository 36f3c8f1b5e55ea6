package org.ganworkbench.ui.internal.launching;

import static org.ganworkbench.ui.tests.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.jdt.core.IType;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.ganworkbench.core.internal.launching.LayerGradientCheck;
import org.ganworkbench.tests.support.ErrorLog;
import org.ganworkbench.tests.support.TrainingLaunches;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Check Gradients on custom layers of a real GAN project, compiled by the workspace's Java builder
 * and checked by the trainer's check-layer: the project's example layer passes with the shape and
 * keys of its use in dcgan.gan; a layer whose backward leaves out a factor fails, naming the parameter.
 */
class CheckGradientsTest {

	private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(3);
	/** y = x * scale[c] with the gradient of scale missing its factor x. */
	private static final String WRONG_LAYER = """
			package gan.layers;

			import org.ganworkbench.trainer.api.CustomLayer;
			import org.nd4j.linalg.api.ndarray.INDArray;
			import org.nd4j.linalg.factory.Nd4j;

			public class WrongScale implements CustomLayer {
				@Override
				public void setup(Setup setup) {
					setup.addParameter("scale", Nd4j.ones(setup.inputShape()[0]));
				}

				@Override
				public INDArray forward(INDArray input, Context context) {
					context.save(input);
					return input.mul(context.parameter("scale").reshape(1, input.size(1), 1, 1));
				}

				@Override
				public INDArray backward(INDArray gradOutput, Context context) {
					context.addGradient("scale", gradOutput.sum(0, 2, 3));
					return gradOutput.mul(context.parameter("scale").reshape(1, gradOutput.size(1), 1, 1));
				}
			}
			""";

	private ErrorLog errorLog;
	private IProject project;

	@BeforeEach
	void createProject() throws Exception {
		errorLog = new ErrorLog();
		project = TrainingLaunches.smallProject("check-gradients-test");
	}

	@AfterEach
	void deleteProject() throws Exception {
		project.delete(true, true, null);
		errorLog.close();
		errorLog.assertNoErrors();
	}

	@Test
	void theExampleLayerPassesAndAWrongBackwardIsNamed() throws Exception {
		IFile wrong = project.getFile("src/gan/layers/WrongScale.java");
		wrong.create(new ByteArrayInputStream(WRONG_LAYER.getBytes(StandardCharsets.UTF_8)), true, null);
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);

		// The example layer, as dcgan.gan uses it: its inferred input shape and its keys.
		LayerGradientCheck.Use use = LayerGradientCheck.findUse(project, "gan.layers.ScaledNoise");
		assertNotNull(use, "dcgan.gan uses the example layer");
		assertEquals("noise1", use.layer());
		assertEquals("64,14,14", use.input());
		assertTrue(use.params().contains("params=64"), use.params());
		LayerGradientCheck.Outcome example = check("gan.layers.ScaledNoise", use.input(), use.params());
		assertTrue(example.passed(), example.output());
		assertTrue(example.output().contains("PASS"), example.output());

		// A layer no model uses yet: the shape the user gives; its wrong parameter gradient is named.
		assertEquals(null, LayerGradientCheck.findUse(project, "gan.layers.WrongScale"));
		LayerGradientCheck.Outcome broken = check("gan.layers.WrongScale", "8,4,4", null);
		assertEquals(5, broken.exitCode(), broken.output());
		assertTrue(broken.output().lines().anyMatch(l -> l.contains("parameter scale") && l.contains("FAIL")), broken.output());
		assertTrue(broken.output().lines().anyMatch(l -> l.contains("input") && l.contains("PASS")), broken.output());
	}

	private LayerGradientCheck.Outcome check(String className, String input, String params) throws Exception {
		IType type = JavaCore.create(project).findType(className);
		assertNotNull(type, className + " is on the project's build path");
		Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		AtomicReference<LayerGradientCheck.Outcome> shown = new AtomicReference<>();
		CheckGradientsHandler.schedule(shell, type, input, params, shown::set);
		waitUntil("check-layer on " + className + " ends", CHECK_TIMEOUT, () -> shown.get() != null, () -> "running");
		return shown.get();
	}
}
