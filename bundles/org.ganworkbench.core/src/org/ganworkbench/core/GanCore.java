package org.ganworkbench.core;

import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.ServiceCaller;
import org.ganworkbench.core.runs.RunMonitor;

/** Identifiers of the GAN Workbench core contributions (see plugin.xml). */
public final class GanCore {

	public static final String PLUGIN_ID = "org.ganworkbench.core";
	public static final String NATURE_ID = PLUGIN_ID + ".ganNature";
	public static final String BUILDER_ID = PLUGIN_ID + ".modelBuilder";
	public static final String PROBLEM_MARKER = PLUGIN_ID + ".modelProblem";
	public static final String MODEL_EXTENSION = "gan";
	/** The "GAN Runtime" classpath container: the custom-layer API and the DL4J/ND4J jars. */
	public static final IPath RUNTIME_CONTAINER = IPath.fromPortableString(PLUGIN_ID + ".GAN_RUNTIME");

	private static final ServiceCaller<RunMonitor> RUN_MONITOR = new ServiceCaller<>(GanCore.class, RunMonitor.class);

	private GanCore() {
	}

	/**
	 * The IDE's run monitor, a Declarative Services component of this bundle (OSGI-INF/runMonitor.xml),
	 * or null while the bundle is stopping. The caller tracks the service and releases it when it goes.
	 */
	public static RunMonitor runMonitor() {
		return RUN_MONITOR.current().orElse(null);
	}
}
