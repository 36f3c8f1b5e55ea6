package org.ganworkbench.ui.internal.launching;

import java.io.File;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.ui.GanUi;

/**
 * The GAN tab: project, model, dataset override, run directory, backend and GPU, resume
 * checkpoint, steps. Checks what it can as the user types; the delegate checks the rest at launch.
 */
public class GanMainTab extends ModelLaunchTab {

	private Text dataset;
	private Text runDirectory;
	private Combo backend;
	private Spinner gpu;
	private Text checkpoint;
	private Spinner steps;
	private Button stopOnNan;

	@Override
	public void createControl(Composite parent) {
		Composite composite = new Composite(parent, SWT.NONE);
		composite.setLayout(new GridLayout(2, false));
		createProjectAndModel(composite);
		dataset = text(composite, Messages.GanMainTab_dataset);
		runDirectory = text(composite, Messages.GanMainTab_runDirectory);
		new Label(composite, SWT.NONE).setText(Messages.GanMainTab_backend);
		backend = new Combo(composite, SWT.READ_ONLY);
		backend.setItems(GanLaunchConstants.BACKEND_CPU, GanLaunchConstants.BACKEND_CUDA);
		backend.addModifyListener(e -> changed());
		new Label(composite, SWT.NONE).setText(Messages.GanMainTab_gpu);
		gpu = new Spinner(composite, SWT.BORDER);
		gpu.setMinimum(0);
		gpu.setMaximum(63);
		gpu.addModifyListener(e -> changed());
		checkpoint = text(composite, Messages.GanMainTab_checkpoint);
		steps = spinner(composite, Messages.GanMainTab_steps, 100_000_000);
		stopOnNan = new Button(composite, SWT.CHECK);
		stopOnNan.setText(Messages.GanMainTab_stopOnNan);
		stopOnNan.setToolTipText(Messages.GanMainTab_stopOnNanTip);
		stopOnNan.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		stopOnNan.addListener(SWT.Selection, e -> changed());
		setControl(composite);
	}

	private void changed() {
		updateLaunchConfigurationDialog();
	}

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(GanLaunchConstants.ATTR_BACKEND, GanLaunchConstants.BACKEND_CPU);
	}

	@Override
	public void initializeFrom(ILaunchConfiguration configuration) {
		try {
			initializeProjectAndModel(configuration);
			dataset.setText(configuration.getAttribute(GanLaunchConstants.ATTR_DATASET, "")); //$NON-NLS-1$
			runDirectory.setText(configuration.getAttribute(GanLaunchConstants.ATTR_RUN_DIR, "")); //$NON-NLS-1$
			backend.setText(configuration.getAttribute(GanLaunchConstants.ATTR_BACKEND, GanLaunchConstants.BACKEND_CPU));
			gpu.setSelection(configuration.getAttribute(GanLaunchConstants.ATTR_GPU_INDEX, 0));
			checkpoint.setText(configuration.getAttribute(GanLaunchConstants.ATTR_RESUME_CHECKPOINT, "")); //$NON-NLS-1$
			steps.setSelection(configuration.getAttribute(GanLaunchConstants.ATTR_STEPS, 0));
			stopOnNan.setSelection(configuration.getAttribute(GanLaunchConstants.ATTR_STOP_ON_NAN, false));
		} catch (CoreException e) {
			setErrorMessage(e.getMessage());
		}
	}

	@Override
	public void performApply(ILaunchConfigurationWorkingCopy configuration) {
		applyProjectAndModel(configuration);
		configuration.setAttribute(GanLaunchConstants.ATTR_DATASET, dataset.getText().strip());
		configuration.setAttribute(GanLaunchConstants.ATTR_RUN_DIR, runDirectory.getText().strip());
		configuration.setAttribute(GanLaunchConstants.ATTR_BACKEND, backend.getText());
		configuration.setAttribute(GanLaunchConstants.ATTR_GPU_INDEX, gpu.getSelection());
		configuration.setAttribute(GanLaunchConstants.ATTR_RESUME_CHECKPOINT, checkpoint.getText().strip());
		configuration.setAttribute(GanLaunchConstants.ATTR_STEPS, steps.getSelection());
		configuration.setAttribute(GanLaunchConstants.ATTR_STOP_ON_NAN, stopOnNan.getSelection());
	}

	@Override
	public boolean isValid(ILaunchConfiguration configuration) {
		// a resumed run trains its run directory's model snapshot: no model file needed
		if (!projectAndModelValid(checkpoint.getText().isBlank())) {
			return false;
		}
		if (!dataset.getText().isBlank() && !new File(dataset.getText().strip()).exists()) {
			setErrorMessage(NLS.bind(Messages.GanMainTab_noDataset, dataset.getText().strip()));
			return false;
		}
		if (!checkpoint.getText().isBlank() && !new File(checkpoint.getText().strip()).isFile()) {
			setErrorMessage(NLS.bind(Messages.GanMainTab_noCheckpoint, checkpoint.getText().strip()));
			return false;
		}
		return true;
	}

	@Override
	public String getName() {
		return Messages.GanMainTab_name;
	}

	@Override
	public String getId() {
		return GanUi.PLUGIN_ID + ".ganMainTab"; //$NON-NLS-1$
	}
}
