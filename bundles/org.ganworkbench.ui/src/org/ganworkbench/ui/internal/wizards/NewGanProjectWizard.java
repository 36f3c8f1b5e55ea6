package org.ganworkbench.ui.internal.wizards;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;
import org.eclipse.ui.wizards.newresource.BasicNewProjectResourceWizard;
import org.ganworkbench.core.GanCore;
import org.ganworkbench.core.projects.DatasetChoice;
import org.ganworkbench.core.projects.GanProjects;
import org.ganworkbench.core.projects.ModelSpec;
import org.ganworkbench.core.projects.ProjectSpec;

/**
 * File > New > GAN Project: a name and location (the platform's project page), then template, image
 * and dataset. Creates the project in a workspace operation with progress, then opens its model.
 */
public final class NewGanProjectWizard extends Wizard implements INewWizard, IExecutableExtension {

	/** The model when Finish is pressed on the first page. */
	private static final ModelSpec DEFAULT_MODEL = new ModelSpec("dcgan", 28, 1, DatasetChoice.SYNTHETIC, null); //$NON-NLS-1$

	private IWorkbench workbench;
	private IConfigurationElement configuration;
	private WizardNewProjectCreationPage projectPage;
	private GanModelPage modelPage;
	private IProject created;

	public NewGanProjectWizard() {
		setWindowTitle(Messages.NewGanProjectWizard_title);
		setNeedsProgressMonitor(true);
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		this.workbench = workbench;
	}

	@Override
	public void setInitializationData(IConfigurationElement config, String propertyName, Object data) {
		this.configuration = config;
	}

	@Override
	public void addPages() {
		projectPage = new WizardNewProjectCreationPage("project"); //$NON-NLS-1$
		projectPage.setTitle(Messages.NewGanProjectWizard_projectTitle);
		projectPage.setDescription(Messages.NewGanProjectWizard_projectDescription);
		addPage(projectPage);
		modelPage = new GanModelPage();
		addPage(modelPage);
	}

	@Override
	public boolean performFinish() {
		URI location = projectPage.useDefaults() ? null : projectPage.getLocationURI();
		ModelSpec model = modelPage.controls() != null ? modelPage.controls().modelSpec() : DEFAULT_MODEL;
		ProjectSpec spec = new ProjectSpec(projectPage.getProjectName(), location, model);
		WorkspaceModifyOperation operation = new WorkspaceModifyOperation() {
			@Override
			protected void execute(IProgressMonitor monitor) throws CoreException {
				created = GanProjects.create(spec, monitor);
			}
		};
		try {
			getContainer().run(true, true, operation);
		} catch (InvocationTargetException e) {
			Throwable cause = e.getCause() != null ? e.getCause() : e;
			MessageDialog.openError(getShell(), Messages.NewGanProjectWizard_failed, cause.getMessage());
			return false;
		} catch (InterruptedException e) {
			return false; // cancelled: the operation rolled back what it could
		}
		if (configuration != null) {
			BasicNewProjectResourceWizard.updatePerspective(configuration);
		}
		IFile modelFile = created.getFile(spec.model().template() + "." + GanCore.MODEL_EXTENSION); //$NON-NLS-1$
		if (workbench != null) {
			OpenModel.reveal(workbench, modelFile);
		}
		return true;
	}

	/** The project made by Finish, or null. */
	public IProject createdProject() {
		return created;
	}

	public GanModelPage modelPage() {
		return modelPage;
	}

	public WizardNewProjectCreationPage projectPage() {
		return projectPage;
	}
}
