package org.ganworkbench.ui.internal.wizards;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.ganworkbench.core.GanCore;

/**
 * The page of the New GAN Model wizard: the platform's folder and file name fields (with their
 * checks), then template, image and dataset.
 */
public final class NewModelFilePage extends WizardNewFileCreationPage {

	private ModelSpecControls controls;

	NewModelFilePage(IStructuredSelection selection) {
		super("modelFile", selection); //$NON-NLS-1$
		setTitle(Messages.NewModelFilePage_title);
		setDescription(Messages.NewModelFilePage_description);
		setFileExtension(GanCore.MODEL_EXTENSION);
		setFileName("model." + GanCore.MODEL_EXTENSION); //$NON-NLS-1$
	}

	@Override
	protected void createAdvancedControls(Composite parent) {
		// no linked files: a model is a plain workspace file; its choices go here instead
		controls = new ModelSpecControls(parent, () -> setPageComplete(validatePage()));
	}

	@Override
	protected void createLinkTarget() {
		// no linked files
	}

	@Override
	protected IStatus validateLinkedResource() {
		return Status.OK_STATUS; // no linked files
	}

	@Override
	protected boolean validatePage() {
		if (!super.validatePage()) {
			return false;
		}
		String problem = controls == null ? null : controls.problem();
		if (problem != null) {
			setErrorMessage(problem);
			return false;
		}
		return true;
	}

	public ModelSpecControls controls() {
		return controls;
	}
}
