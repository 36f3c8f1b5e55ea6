package org.ganworkbench.ui.internal.launching;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Path;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.ganworkbench.core.launching.GanLaunchConstants;

/**
 * What the GAN and Sweep tabs share: the project and the model file in it, each a labelled field in a
 * two-column grid, read from and written to the configuration, and checked as the user types.
 */
abstract class ModelLaunchTab extends AbstractLaunchConfigurationTab {

	private Text project;
	private Text model;

	/** The project and model fields, first in {@code parent}'s two-column grid. */
	void createProjectAndModel(Composite parent) {
		project = text(parent, Messages.GanMainTab_project);
		model = text(parent, Messages.GanMainTab_model);
	}

	Text text(Composite parent, String label) {
		new Label(parent, SWT.NONE).setText(label);
		Text text = new Text(parent, SWT.BORDER);
		text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		text.addModifyListener(e -> updateLaunchConfigurationDialog());
		return text;
	}

	Spinner spinner(Composite parent, String label, int maximum) {
		new Label(parent, SWT.NONE).setText(label);
		Spinner spinner = new Spinner(parent, SWT.BORDER);
		spinner.setMinimum(0);
		spinner.setMaximum(maximum);
		spinner.addModifyListener(e -> updateLaunchConfigurationDialog());
		return spinner;
	}

	void initializeProjectAndModel(ILaunchConfiguration configuration) throws CoreException {
		project.setText(configuration.getAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, "")); //$NON-NLS-1$
		model.setText(configuration.getAttribute(GanLaunchConstants.ATTR_MODEL, "")); //$NON-NLS-1$
	}

	void applyProjectAndModel(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, project.getText().strip());
		configuration.setAttribute(GanLaunchConstants.ATTR_MODEL, model.getText().strip());
	}

	/**
	 * Whether the project is open and, when {@code modelRequired}, the model file exists in it; else the
	 * tab's error message says which is missing.
	 */
	boolean projectAndModelValid(boolean modelRequired) {
		setErrorMessage(null);
		String name = project.getText().strip();
		IProject p = name.isEmpty() ? null : ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (p == null || !p.isOpen()) {
			setErrorMessage(NLS.bind(Messages.GanMainTab_noProject, name));
			return false;
		}
		String modelPath = model.getText().strip();
		IResource file = modelPath.isEmpty() ? null : p.findMember(new Path(modelPath));
		if (modelRequired && (file == null || file.getType() != IResource.FILE)) {
			setErrorMessage(NLS.bind(Messages.GanMainTab_noModel, modelPath, name));
			return false;
		}
		return true;
	}
}
