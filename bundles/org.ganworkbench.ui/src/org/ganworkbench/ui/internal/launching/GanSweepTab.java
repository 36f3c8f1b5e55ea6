package org.ganworkbench.ui.internal.launching;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Path;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.ui.GanUi;

/**
 * The Sweep tab: project and model, where the trials run (the Spark master URL; empty for this
 * machine), how many at once (0: the sweep block's own), the folder of the trials (empty: runs/MODEL-sweep)
 * and the steps of each trial (0: the model's).
 */
public class GanSweepTab extends AbstractLaunchConfigurationTab {

	private Text project;
	private Text model;
	private Text master;
	private Spinner parallel;
	private Text directory;
	private Spinner steps;

	@Override
	public void createControl(Composite parent) {
		Composite composite = new Composite(parent, SWT.NONE);
		composite.setLayout(new GridLayout(2, false));
		project = text(composite, Messages.GanMainTab_project);
		model = text(composite, Messages.GanMainTab_model);
		master = text(composite, Messages.GanSweepTab_master);
		master.setMessage(Messages.GanSweepTab_masterHint);
		parallel = spinner(composite, Messages.GanSweepTab_parallel, 1024);
		directory = text(composite, Messages.GanSweepTab_directory);
		directory.setMessage(Messages.GanSweepTab_directoryHint);
		steps = spinner(composite, Messages.GanMainTab_steps, 100_000_000);
		setControl(composite);
	}

	private Text text(Composite parent, String label) {
		new Label(parent, SWT.NONE).setText(label);
		Text text = new Text(parent, SWT.BORDER);
		text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		text.addModifyListener(e -> updateLaunchConfigurationDialog());
		return text;
	}

	private Spinner spinner(Composite parent, String label, int maximum) {
		new Label(parent, SWT.NONE).setText(label);
		Spinner spinner = new Spinner(parent, SWT.BORDER);
		spinner.setMinimum(0);
		spinner.setMaximum(maximum);
		spinner.addModifyListener(e -> updateLaunchConfigurationDialog());
		return spinner;
	}

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(GanLaunchConstants.ATTR_SWEEP_PARALLEL, 0);
	}

	@Override
	public void initializeFrom(ILaunchConfiguration configuration) {
		try {
			project.setText(configuration.getAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, "")); //$NON-NLS-1$
			model.setText(configuration.getAttribute(GanLaunchConstants.ATTR_MODEL, "")); //$NON-NLS-1$
			master.setText(configuration.getAttribute(GanLaunchConstants.ATTR_SWEEP_MASTER, "")); //$NON-NLS-1$
			parallel.setSelection(configuration.getAttribute(GanLaunchConstants.ATTR_SWEEP_PARALLEL, 0));
			directory.setText(configuration.getAttribute(GanLaunchConstants.ATTR_SWEEP_DIR, "")); //$NON-NLS-1$
			steps.setSelection(configuration.getAttribute(GanLaunchConstants.ATTR_STEPS, 0));
		} catch (CoreException e) {
			setErrorMessage(e.getMessage());
		}
	}

	@Override
	public void performApply(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, project.getText().strip());
		configuration.setAttribute(GanLaunchConstants.ATTR_MODEL, model.getText().strip());
		configuration.setAttribute(GanLaunchConstants.ATTR_SWEEP_MASTER, master.getText().strip());
		configuration.setAttribute(GanLaunchConstants.ATTR_SWEEP_PARALLEL, parallel.getSelection());
		configuration.setAttribute(GanLaunchConstants.ATTR_SWEEP_DIR, directory.getText().strip());
		configuration.setAttribute(GanLaunchConstants.ATTR_STEPS, steps.getSelection());
	}

	@Override
	public boolean isValid(ILaunchConfiguration configuration) {
		setErrorMessage(null);
		String name = project.getText().strip();
		IProject p = name.isEmpty() ? null : ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (p == null || !p.isOpen()) {
			setErrorMessage(NLS.bind(Messages.GanMainTab_noProject, name));
			return false;
		}
		String modelPath = model.getText().strip();
		IResource file = modelPath.isEmpty() ? null : p.findMember(new Path(modelPath));
		if (file == null || file.getType() != IResource.FILE) {
			setErrorMessage(NLS.bind(Messages.GanMainTab_noModel, modelPath, name));
			return false;
		}
		String url = master.getText().strip();
		if (!url.isEmpty() && !url.equals("local") && !url.startsWith("spark://")) { //$NON-NLS-1$ //$NON-NLS-2$
			setErrorMessage(NLS.bind(Messages.GanSweepTab_badMaster, url));
			return false;
		}
		return true;
	}

	@Override
	public String getName() {
		return Messages.GanSweepTab_name;
	}

	@Override
	public String getId() {
		return GanUi.PLUGIN_ID + ".ganSweepTab"; //$NON-NLS-1$
	}
}
