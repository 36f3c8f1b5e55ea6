package org.ganworkbench.core.internal.launching;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Path;
import org.eclipse.core.runtime.Platform;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.osgi.util.NLS;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.backend.TrainerLaunch;
import org.osgi.framework.Bundle;

/**
 * Launches the sweep driver for a "GAN Sweep" configuration: a JVM of its own (never the IDE's OSGi
 * runtime) with the sweep bundle, its lib/ (Spark) and the trainer's class path, which each trial's
 * trainer JVM is given in turn, the project's own classes (custom layers) first. Terminate stops the
 * driver, whose shutdown stops every trial's trainer with a checkpoint.
 */
public class GanSweepLaunchDelegate extends GanLaunchDelegate {

	private static final String RESOLVED_DIRECTORY = GanLaunchConstants.ATTR_SWEEP_DIR + ".resolved"; //$NON-NLS-1$

	@Override
	protected ILaunchConfiguration prepare(ILaunchConfiguration configuration, String mode, ILaunch launch,
			IProgressMonitor monitor) throws CoreException {
		IProject project = project(configuration);
		checkModel(configuration, project);
		checkJava(configuration);
		IFile model = modelFile(configuration, project);
		if (!hasSweep(model)) {
			abort(NLS.bind(Messages.GanSweepLaunchDelegate_noSweep, model.getFullPath()), null, 0);
		}
		sweepBundle(); // installed, or a message saying which feature to install
		ILaunchConfigurationWorkingCopy resolved = configuration.getWorkingCopy();
		resolved.setAttribute(RESOLVED_DIRECTORY, sweepDirectory(configuration, project, model).getAbsolutePath());
		return resolved;
	}

	@Override
	public String getMainTypeName(ILaunchConfiguration configuration) {
		return GanLaunchConstants.SWEEP_MAIN;
	}

	@Override
	public String getProgramArguments(ILaunchConfiguration configuration) throws CoreException {
		List<String> args = new ArrayList<>();
		args.add(quote(modelFile(configuration, project(configuration)).getLocation().toOSString()));
		args.add("--dir"); //$NON-NLS-1$
		args.add(quote(configuration.getAttribute(RESOLVED_DIRECTORY, ""))); //$NON-NLS-1$
		String master = configuration.getAttribute(GanLaunchConstants.ATTR_SWEEP_MASTER, "").strip(); //$NON-NLS-1$
		if (!master.isEmpty()) {
			args.add("--master"); //$NON-NLS-1$
			args.add(quote(master));
		}
		int parallel = configuration.getAttribute(GanLaunchConstants.ATTR_SWEEP_PARALLEL, 0);
		if (parallel > 0) {
			args.add("--parallel"); //$NON-NLS-1$
			args.add(Integer.toString(parallel));
		}
		int steps = configuration.getAttribute(GanLaunchConstants.ATTR_STEPS, 0);
		if (steps > 0) {
			args.add("--steps"); //$NON-NLS-1$
			args.add(Integer.toString(steps));
		}
		// each trial's trainer: the project's classes and the trainer, not Spark
		args.add("--trainer-classpath"); //$NON-NLS-1$
		args.add(quote(String.join(File.pathSeparator, super.getClasspath(configuration))));
		return String.join(" ", args); //$NON-NLS-1$
	}

	@Override
	public String getVMArguments(ILaunchConfiguration configuration) throws CoreException {
		String user = configuration.getAttribute(org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants.ATTR_VM_ARGUMENTS,
				""); //$NON-NLS-1$
		return (user.contains("-Xmx") ? user : "-Xmx1g " + user).strip(); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Override
	public String[] getClasspath(ILaunchConfiguration configuration) throws CoreException {
		Set<String> classpath = new LinkedHashSet<>(sweepEntries());
		classpath.addAll(List.of(super.getClasspath(configuration)));
		return classpath.toArray(String[]::new);
	}

	/** The sweep bundle (classes at its root, as installed unpacked) and every jar in its lib/. */
	static List<String> sweepEntries() throws CoreException {
		File bundle = sweepBundle();
		List<String> entries = new ArrayList<>();
		entries.add(bundle.getAbsolutePath());
		try {
			entries.addAll(TrainerLaunch.runtimeJars(bundle.toPath()));
		} catch (IOException e) {
			throw new CoreException(org.eclipse.core.runtime.Status.error(e.getMessage(), e));
		}
		return entries;
	}

	private static File sweepBundle() throws CoreException {
		Bundle bundle = Platform.getBundle(GanLaunchConstants.SWEEP_BUNDLE);
		File location = bundle == null ? null : FileLocator.getBundleFileLocation(bundle).orElse(null);
		if (location == null || !location.isDirectory()) {
			throw new CoreException(org.eclipse.core.runtime.Status.error(Messages.GanSweepLaunchDelegate_notInstalled));
		}
		return location;
	}

	private static boolean hasSweep(IFile model) throws CoreException {
		try (InputStream in = model.getContents(true)) {
			return ModelDocument.read(in.readAllBytes()).model().sweep() != null;
		} catch (IOException e) {
			throw new CoreException(org.eclipse.core.runtime.Status.error(e.getMessage(), e));
		}
	}

	/** The configured folder, or runs/MODEL-sweep in the project: where the Runs view groups the trials. */
	private static File sweepDirectory(ILaunchConfiguration configuration, IProject project, IFile model) throws CoreException {
		String configured = configuration.getAttribute(GanLaunchConstants.ATTR_SWEEP_DIR, "").strip(); //$NON-NLS-1$
		if (!configured.isEmpty()) {
			return new File(configured);
		}
		String name = new Path(model.getName()).removeFileExtension().lastSegment() + "-sweep"; //$NON-NLS-1$
		return project.getLocation().append(GanLaunchConstants.RUNS_FOLDER).append(name).toFile();
	}
}
