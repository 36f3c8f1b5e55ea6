package org.ganworkbench.ui.internal.launching;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.ui.GanUi;

/**
 * The Sweep tab: project and model, where the trials run (the Spark master URL; empty for this
 * machine), how many at once (0: the sweep block's own), the folder of the trials (empty: runs/MODEL-sweep)
 * and the steps of each trial (0: the model's).
 */
public class GanSweepTab extends ModelLaunchTab {

	private Text master;
	private Spinner parallel;
	private Text directory;
	private Spinner steps;

	@Override
	public void createControl(Composite parent) {
		Composite composite = new Composite(parent, SWT.NONE);
		composite.setLayout(new GridLayout(2, false));
		createProjectAndModel(composite);
		master = text(composite, Messages.GanSweepTab_master);
		master.setMessage(Messages.GanSweepTab_masterHint);
		parallel = spinner(composite, Messages.GanSweepTab_parallel, 1024);
		directory = text(composite, Messages.GanSweepTab_directory);
		directory.setMessage(Messages.GanSweepTab_directoryHint);
		steps = spinner(composite, Messages.GanMainTab_steps, 100_000_000);
		setControl(composite);
	}

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(GanLaunchConstants.ATTR_SWEEP_PARALLEL, 0);
	}

	@Override
	public void initializeFrom(ILaunchConfiguration configuration) {
		try {
			initializeProjectAndModel(configuration);
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
		applyProjectAndModel(configuration);
		configuration.setAttribute(GanLaunchConstants.ATTR_SWEEP_MASTER, master.getText().strip());
		configuration.setAttribute(GanLaunchConstants.ATTR_SWEEP_PARALLEL, parallel.getSelection());
		configuration.setAttribute(GanLaunchConstants.ATTR_SWEEP_DIR, directory.getText().strip());
		configuration.setAttribute(GanLaunchConstants.ATTR_STEPS, steps.getSelection());
	}

	@Override
	public boolean isValid(ILaunchConfiguration configuration) {
		if (!projectAndModelValid(true)) {
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
