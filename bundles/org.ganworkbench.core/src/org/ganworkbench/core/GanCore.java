package org.ganworkbench.core;

import org.eclipse.core.runtime.IPath;
import org.ganworkbench.core.runs.RunMonitor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** Identifiers of the GAN Workbench core contributions (see plugin.xml). */
public final class GanCore {

	public static final String PLUGIN_ID = "org.ganworkbench.core";
	public static final String NATURE_ID = PLUGIN_ID + ".ganNature";
	public static final String BUILDER_ID = PLUGIN_ID + ".modelBuilder";
	public static final String PROBLEM_MARKER = PLUGIN_ID + ".modelProblem";
	public static final String MODEL_EXTENSION = "gan";
	/** The "GAN Runtime" classpath container: the custom-layer API and the DL4J/ND4J jars. */
	public static final IPath RUNTIME_CONTAINER = IPath.fromPortableString(PLUGIN_ID + ".GAN_RUNTIME");

	private GanCore() {
	}

	/** The IDE's run monitor (an OSGi service of this bundle), starting the bundle if needed. */
	public static RunMonitor runMonitor() {
		Bundle bundle = FrameworkUtil.getBundle(GanCore.class);
		BundleContext context = bundle.getBundleContext();
		ServiceReference<RunMonitor> reference = context.getServiceReference(RunMonitor.class);
		return reference == null ? null : context.getService(reference);
	}
}
