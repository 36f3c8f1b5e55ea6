package org.ganworkbench.core.internal;

import org.ganworkbench.core.runs.RunMonitor;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** Starts the run monitor with the bundle and offers it as an OSGi service. */
public final class CoreActivator implements BundleActivator {

	private RunMonitor monitor;
	private ServiceRegistration<RunMonitor> registration;

	@Override
	public void start(BundleContext context) {
		monitor = new RunMonitor();
		monitor.start();
		registration = context.registerService(RunMonitor.class, monitor, null);
	}

	@Override
	public void stop(BundleContext context) {
		registration.unregister();
		monitor.stop();
	}
}
