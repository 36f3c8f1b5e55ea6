package org.ganworkbench.ui.internal.wizards;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.ide.IDE;
import org.ganworkbench.core.GanCore;
import org.ganworkbench.core.projects.CustomLayers;
import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.Layer;
import org.ganworkbench.model.ModelDocument;

/**
 * File > New > GAN Custom Layer: a class implementing the trainer's CustomLayer API in a GAN
 * project's src/ (a per-channel scale with its exact backward, ready for Check Gradients), and its
 * entry in a model file after a layer the user picks.
 */
public final class NewCustomLayerWizard extends Wizard implements INewWizard {

	private static final String[] NETWORKS = { "generator", "discriminator" }; //$NON-NLS-1$ //$NON-NLS-2$

	private IWorkbench workbench;
	private IStructuredSelection selection = StructuredSelection.EMPTY;
	private LayerPage page;
	private IFile created;

	public NewCustomLayerWizard() {
		setWindowTitle(Messages.NewCustomLayerWizard_title);
		setNeedsProgressMonitor(true);
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection currentSelection) {
		this.workbench = workbench;
		this.selection = currentSelection == null ? StructuredSelection.EMPTY : currentSelection;
	}

	@Override
	public void addPages() {
		page = new LayerPage();
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		IProject project = page.project();
		String className = page.className.getText().strip();
		IFile model = page.model();
		String network = NETWORKS[Math.max(0, page.network.getSelectionIndex())];
		String after = page.after.getText();
		WorkspaceModifyOperation operation = new WorkspaceModifyOperation() {
			@Override
			protected void execute(org.eclipse.core.runtime.IProgressMonitor monitor) throws CoreException {
				created = CustomLayers.create(project, className, model, network, after, monitor);
			}
		};
		try {
			getContainer().run(true, true, operation);
		} catch (InvocationTargetException e) {
			Throwable cause = e.getCause() != null ? e.getCause() : e;
			MessageDialog.openError(getShell(), Messages.NewCustomLayerWizard_failed, cause.getMessage());
			return false;
		} catch (InterruptedException e) {
			return false;
		}
		if (workbench != null && workbench.getActiveWorkbenchWindow() != null) {
			try {
				IDE.openEditor(workbench.getActiveWorkbenchWindow().getActivePage(), created);
			} catch (PartInitException e) {
				// the class exists; opening it is a convenience
			}
		}
		return true;
	}

	/** The Java file made by Finish, or null. */
	public IFile created() {
		return created;
	}

	public LayerPage page() {
		return page;
	}

	/** Project, class name, and where in which model the layer goes. */
	public final class LayerPage extends WizardPage {

		private final List<IProject> projects = new ArrayList<>();
		private final List<IFile> models = new ArrayList<>();
		private Combo project;
		private Text className;
		private Combo model;
		private Combo network;
		private Combo after;

		LayerPage() {
			super("customLayer"); //$NON-NLS-1$
			setTitle(Messages.NewCustomLayerWizard_pageTitle);
			setDescription(Messages.NewCustomLayerWizard_pageDescription);
		}

		@Override
		public void createControl(Composite parent) {
			Composite composite = new Composite(parent, SWT.NONE);
			GridLayoutFactory.swtDefaults().numColumns(2).applyTo(composite);
			project = combo(composite, Messages.NewCustomLayerWizard_project);
			className = new Text(labelled(composite, Messages.NewCustomLayerWizard_class), SWT.BORDER);
			GridDataFactory.fillDefaults().grab(true, false).applyTo(className);
			className.setText("gan.layers.MyLayer"); //$NON-NLS-1$
			model = combo(composite, Messages.NewCustomLayerWizard_model);
			network = combo(composite, Messages.NewCustomLayerWizard_network);
			network.setItems(NETWORKS);
			network.select(0);
			after = combo(composite, Messages.NewCustomLayerWizard_after);
			for (IProject candidate : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
				if (isGanProject(candidate)) {
					projects.add(candidate);
					project.add(candidate.getName());
				}
			}
			project.select(Math.max(0, projects.indexOf(selectedProject())));
			project.addListener(SWT.Selection, e -> projectChosen());
			model.addListener(SWT.Selection, e -> layersChanged());
			network.addListener(SWT.Selection, e -> layersChanged());
			className.addModifyListener(e -> validate());
			projectChosen();
			setControl(composite);
		}

		private static boolean isGanProject(IProject candidate) {
			try {
				return candidate.isOpen() && candidate.hasNature(GanCore.NATURE_ID);
			} catch (CoreException e) {
				return false;
			}
		}

		private Composite labelled(Composite parent, String label) {
			new Label(parent, SWT.NONE).setText(label);
			return parent;
		}

		private Combo combo(Composite parent, String label) {
			Combo combo = new Combo(labelled(parent, label), SWT.READ_ONLY);
			GridDataFactory.fillDefaults().grab(true, false).applyTo(combo);
			return combo;
		}

		private IProject selectedProject() {
			Object first = selection.getFirstElement();
			IResource resource = first instanceof IAdaptable adaptable ? adaptable.getAdapter(IResource.class) : null;
			return resource == null ? null : resource.getProject();
		}

		IProject project() {
			int index = project.getSelectionIndex();
			return index < 0 || index >= projects.size() ? null : projects.get(index);
		}

		/** The model chosen, or null for "none". */
		IFile model() {
			int index = model.getSelectionIndex() - 1;
			return index < 0 || index >= models.size() ? null : models.get(index);
		}

		private void projectChosen() {
			models.clear();
			model.removeAll();
			model.add(Messages.NewCustomLayerWizard_noModel);
			IProject chosen = project();
			if (chosen != null) {
				try {
					chosen.accept(resource -> {
						if (resource.getType() == IResource.FILE && "gan".equals(resource.getFileExtension())) { //$NON-NLS-1$
							models.add((IFile) resource);
						}
						return !resource.getName().equals("runs"); //$NON-NLS-1$
					});
				} catch (CoreException e) {
					setErrorMessage(e.getMessage());
				}
			}
			models.forEach(m -> model.add(m.getProjectRelativePath().toString()));
			model.select(models.isEmpty() ? 0 : 1);
			layersChanged();
		}

		/** The chosen network's layers; the one before its last (the output's activation) chosen. */
		private void layersChanged() {
			after.removeAll();
			IFile chosen = model();
			GanModel parsed = null;
			if (chosen != null) {
				try (InputStream in = chosen.getContents()) {
					parsed = ModelDocument.read(in.readAllBytes()).model();
				} catch (IOException | CoreException e) {
					setErrorMessage(e.getMessage());
				}
			}
			if (parsed != null) {
				List<Layer> layers = network.getSelectionIndex() == 1 ? parsed.discriminator().layers() : parsed.generator().layers();
				layers.forEach(l -> after.add(l.name()));
				after.select(Math.max(0, layers.size() - 2));
			}
			after.setEnabled(parsed != null);
			network.setEnabled(chosen != null);
			validate();
		}

		private void validate() {
			String problem = project() == null ? Messages.NewCustomLayerWizard_noProject
					: CustomLayers.problemWith(project(), className.getText().strip());
			setErrorMessage(problem);
			setPageComplete(problem == null);
		}

		/** For tests: fills the page as a user would. */
		public void fill(String name, String modelPath, String networkName, String afterLayer) {
			className.setText(name);
			model.select(Arrays.asList(model.getItems()).indexOf(modelPath));
			network.select(Arrays.asList(NETWORKS).indexOf(networkName));
			layersChanged();
			after.select(Arrays.asList(after.getItems()).indexOf(afterLayer));
		}
	}
}
