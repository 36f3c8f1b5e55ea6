package org.ganworkbench.ui.internal.launching;

import org.ganworkbench.core.launching.GanLaunchConstants;

/** Run As > GAN Sweep on a {@code *.gan} file (or its project's first one): the model's sweep block, trial by trial. */
public class GanSweepLaunchShortcut extends GanLaunchShortcut {

	@Override
	protected String launchType() {
		return GanLaunchConstants.SWEEP_LAUNCH_TYPE_ID;
	}
}
