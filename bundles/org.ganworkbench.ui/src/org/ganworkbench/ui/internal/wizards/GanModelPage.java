package org.ganworkbench.ui.internal.wizards;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;

/** Second page of the New GAN Project wizard: template, image and dataset of the first model. */
public final class GanModelPage extends WizardPage {

	private ModelSpecControls controls;

	GanModelPage() {
		super("model"); //$NON-NLS-1$
		setTitle(Messages.GanModelPage_title);
		setDescription(Messages.GanModelPage_description);
	}

	@Override
	public void createControl(Composite parent) {
		Composite composite = new Composite(parent, SWT.NONE);
		composite.setLayout(new GridLayout());
		controls = new ModelSpecControls(composite, this::validate);
		setControl(composite);
		validate();
		setErrorMessage(null);
	}

	private void validate() {
		if (controls == null) {
			return;
		}
		String problem = controls.problem();
		setErrorMessage(problem);
		setPageComplete(problem == null);
	}

	/** The choices, once the page exists. */
	public ModelSpecControls controls() {
		return controls;
	}
}
