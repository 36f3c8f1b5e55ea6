package org.ganworkbench.ui.internal.wizards;

import static org.ganworkbench.ui.tests.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.PlatformUI;
import org.ganworkbench.core.internal.launching.LayerGradientCheck;
import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.tests.support.ErrorLog;
import org.ganworkbench.tests.support.TrainingLaunches;
import org.ganworkbench.ui.tests.TestWizardDialog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * File > New > GAN Custom Layer on a real project: the class compiles against the trainer's API, the
 * model names it after the layer chosen and still validates, and the trainer's gradient check passes it.
 */
class NewCustomLayerWizardTest {

	private ErrorLog errorLog;
	private IProject project;

	@BeforeEach
	void createProject() throws Exception {
		errorLog = new ErrorLog();
		project = TrainingLaunches.smallProject("custom-layer-wizard-test");
	}

	@AfterEach
	void deleteProject() throws Exception {
		project.delete(true, true, null);
		errorLog.close();
		errorLog.assertNoErrors();
	}

	@Test
	void aNewLayerCompilesIsUsedByTheModelAndPassesTheGradientCheck() throws Exception {
		NewCustomLayerWizard wizard = new NewCustomLayerWizard();
		wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
		TestWizardDialog dialog = new TestWizardDialog(wizard);
		dialog.open();
		try {
			wizard.page().fill("gan.layers.ChannelGain", "dcgan.gan", "generator", "a1");
			assertTrue(wizard.canFinish(), () -> String.valueOf(wizard.page().getErrorMessage()));
			dialog.finish();
		} finally {
			dialog.closeIfOpen();
		}
		IFile source = wizard.created();
		assertNotNull(source, "Finish made the class");
		assertEquals("src/gan/layers/ChannelGain.java", source.getProjectRelativePath().toString());

		project.build(IncrementalProjectBuilder.FULL_BUILD, null);
		IMarker[] problems = source.findMarkers(IMarker.PROBLEM, true, IResource.DEPTH_ZERO);
		assertTrue(Arrays.stream(problems).noneMatch(m -> m.getAttribute(IMarker.SEVERITY, 0) == IMarker.SEVERITY_ERROR),
				() -> Arrays.toString(problems));

		IFile model = project.getFile("dcgan.gan");
		String text = new String(model.getContents().readAllBytes(), model.getCharset());
		int a1 = text.indexOf("relu a1 {}");
		int layer = text.indexOf("custom channelgain { class = \"gan.layers.ChannelGain\" }");
		assertTrue(a1 >= 0 && layer > a1, text);
		assertTrue(ModelDocument.parse(text).problems().isEmpty(), () -> ModelDocument.parse(text).problems().toString());

		LayerGradientCheck.Use use = LayerGradientCheck.findUse(project, "gan.layers.ChannelGain");
		assertNotNull(use, "the model uses the new layer");
		AtomicReference<LayerGradientCheck.Outcome> outcome = new AtomicReference<>();
		Thread check = new Thread(() -> {
			try {
				outcome.set(LayerGradientCheck.run(project, "gan.layers.ChannelGain", use.input(), use.params(),
						new NullProgressMonitor()));
			} catch (Exception e) {
				outcome.set(new LayerGradientCheck.Outcome(-1, e.toString()));
			}
		});
		check.start();
		waitUntil("the gradient check ends", Duration.ofMinutes(3), () -> outcome.get() != null, () -> "running");
		assertTrue(outcome.get().passed(), outcome.get().output());
	}
}
