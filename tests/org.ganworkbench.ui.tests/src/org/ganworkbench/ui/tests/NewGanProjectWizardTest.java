package org.ganworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;
import org.ganworkbench.core.GanCore;
import org.ganworkbench.core.projects.DatasetChoice;
import org.ganworkbench.core.projects.GanProjects;
import org.ganworkbench.ui.internal.editor.GanModelEditor;
import org.ganworkbench.ui.internal.wizards.ModelSpecControls;
import org.ganworkbench.ui.internal.wizards.NewGanModelWizard;
import org.ganworkbench.ui.internal.wizards.NewGanProjectWizard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NewGanProjectWizardTest {

	private final List<IProject> projects = new ArrayList<>();

	@AfterEach
	void cleanUp() throws Exception {
		ModelTestFiles.page().closeAllEditors(false);
		for (IProject project : projects) {
			project.delete(IResource.FORCE | IResource.ALWAYS_DELETE_PROJECT_CONTENT, null);
		}
	}

	@Test
	void theWizardCreatesAGanProjectAndOpensItsModel() throws Exception {
		NewGanProjectWizard wizard = new NewGanProjectWizard();
		wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
		TestWizardDialog dialog = new TestWizardDialog(wizard);
		dialog.open();
		try {
			Text name = TestWizardDialog.texts(wizard.projectPage().getControl()).get(0);
			name.setText("bad/name");
			assertFalse(wizard.projectPage().isPageComplete(), "a name with '/' is refused");
			String projectName = "ganWizard" + System.nanoTime();
			name.setText(projectName);
			assertTrue(wizard.projectPage().isPageComplete());
			dialog.next();

			ModelSpecControls controls = wizard.modelPage().controls();
			controls.chooseDataset(DatasetChoice.IMAGE_FOLDER, "/no/such/folder");
			assertFalse(wizard.modelPage().isPageComplete(), "a missing image folder is refused as typed");
			assertNotNull(wizard.modelPage().getErrorMessage());
			controls.chooseDataset(DatasetChoice.SYNTHETIC, null);
			assertTrue(wizard.modelPage().isPageComplete());
			assertNull(wizard.modelPage().getErrorMessage());
			controls.choose("dcgan", 32, 3);
			assertTrue(wizard.canFinish());
			dialog.finish();
		} finally {
			dialog.closeIfOpen();
		}
		IProject project = wizard.createdProject();
		assertNotNull(project, "Finish created the project");
		projects.add(project);
		assertTrue(project.hasNature(GanCore.NATURE_ID));
		IFile model = project.getFile("dcgan.gan");
		assertTrue(model.exists());
		String text = new String(model.getContents().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(text.contains("image = [3, 32, 32]"), text);
		assertTrue(project.getFile(GanProjects.EXAMPLE_LAYER_PATH).exists(), "the example custom layer");

		UiTestSupport.waitUntil("the model opens in the model editor",
				() -> ModelTestFiles.page().getActiveEditor() instanceof GanModelEditor);
		IEditorPart editor = ModelTestFiles.page().getActiveEditor();
		assertEquals(model, editor.getEditorInput().getAdapter(IFile.class));
		assertInstanceOf(GanModelEditor.class, editor);
	}

	@Test
	void theModelWizardAddsAModelToAProject() throws Exception {
		try (ModelTestFiles files = new ModelTestFiles("modelWizard")) {
			IFile existing = files.write("first.gan", "gan {}");
			NewGanModelWizard wizard = new NewGanModelWizard();
			wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(existing.getProject()));
			TestWizardDialog dialog = new TestWizardDialog(wizard);
			dialog.open();
			wizard.page().setFileName("first.gan");
			assertFalse(wizard.page().isPageComplete(), "an existing file is refused");
			wizard.page().setFileName("second.gan");
			wizard.page().controls().choose("r3gan", 28, 1);
			assertTrue(wizard.canFinish());
			dialog.finish();
			IFile created = wizard.createdModel();
			assertNotNull(created);
			assertTrue(created.exists());
			assertTrue(new String(created.getContents().readAllBytes(), StandardCharsets.UTF_8).contains("relativistic"));
		}
	}
}
