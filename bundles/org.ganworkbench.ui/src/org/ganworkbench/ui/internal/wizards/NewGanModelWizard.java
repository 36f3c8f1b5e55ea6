package org.ganworkbench.ui.internal.wizards;

import java.lang.reflect.InvocationTargetException;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.ganworkbench.core.projects.GanProjects;
import org.ganworkbench.core.projects.ModelSpec;

/** File > New > GAN Model: a model file from a template in a folder of an existing project. */
public final class NewGanModelWizard extends Wizard implements INewWizard {

	private IWorkbench workbench;
	private IStructuredSelection selection = StructuredSelection.EMPTY;
	private NewModelFilePage page;
	private IFile created;

	public NewGanModelWizard() {
		setWindowTitle(Messages.NewGanModelWizard_title);
		setNeedsProgressMonitor(true);
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection currentSelection) {
		this.workbench = workbench;
		this.selection = currentSelection == null ? StructuredSelection.EMPTY : currentSelection;
	}

	@Override
	public void addPages() {
		page = new NewModelFilePage(selection);
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		IContainer folder = container(page.getContainerFullPath());
		String fileName = page.getFileName();
		ModelSpec spec = page.controls().modelSpec();
		WorkspaceModifyOperation operation = new WorkspaceModifyOperation() {
			@Override
			protected void execute(IProgressMonitor monitor) throws CoreException {
				created = GanProjects.createModel(folder, fileName, spec, monitor);
			}
		};
		try {
			getContainer().run(true, true, operation);
		} catch (InvocationTargetException e) {
			Throwable cause = e.getCause() != null ? e.getCause() : e;
			MessageDialog.openError(getShell(), Messages.NewGanModelWizard_failed, cause.getMessage());
			return false;
		} catch (InterruptedException e) {
			return false;
		}
		if (workbench != null) {
			OpenModel.reveal(workbench, created);
		}
		return true;
	}

	private static IContainer container(IPath path) {
		IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
		return path.segmentCount() == 1 ? root.getProject(path.segment(0)) : root.getFolder(path);
	}

	/** The model made by Finish, or null. */
	public IFile createdModel() {
		return created;
	}

	public NewModelFilePage page() {
		return page;
	}
}
