package org.ganworkbench.core.internal.launching;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Path;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.IStatusHandler;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.jdt.launching.IVMInstall;
import org.eclipse.jdt.launching.IVMInstall2;
import org.eclipse.jdt.launching.JavaLaunchDelegate;
import org.eclipse.jdt.launching.JavaRuntime;
import org.eclipse.osgi.util.NLS;

import org.ganworkbench.core.GanCore;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.model.backend.CudaRuntime;
import org.ganworkbench.model.backend.GpuProbe;
import org.ganworkbench.model.backend.MavenResolver;
import org.ganworkbench.model.backend.TrainerLaunch;
import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.syntax.Problem;
import org.ganworkbench.model.syntax.Severity;
import org.osgi.framework.FrameworkUtil;

/**
 * Launches the trainer JVM for a "GAN Training" configuration. JDT's Java delegate does the
 * launching (so Run and Debug, the JRE, VM arguments and environment are the user's); this class
 * only checks the configuration, names the run directory, and supplies the main class, arguments and
 * classpath. It keeps no state: the run directory travels in a working copy of the configuration.
 */
public class GanLaunchDelegate extends JavaLaunchDelegate {

	/** The run directory chosen for this launch, carried in the working copy passed to JDT. */
	private static final String RESOLVED_RUN_DIR = GanLaunchConstants.ATTR_RUN_DIR + ".resolved"; //$NON-NLS-1$
	/** The jars of a backend fetched on first use (CUDA), carried the same way. */
	static final String RESOLVED_BACKEND = GanLaunchConstants.ATTR_BACKEND + ".classpath"; //$NON-NLS-1$
	/** Stop on the first NaN asked for and this launch a debug one. */
	private static final String RESOLVED_STOP_ON_NAN = GanLaunchConstants.ATTR_STOP_ON_NAN + ".debug"; //$NON-NLS-1$

	@Override
	public void launch(ILaunchConfiguration configuration, String mode, ILaunch launch, IProgressMonitor monitor)
			throws CoreException {
		ILaunchConfiguration resolved = prepare(configuration, mode, launch, monitor);
		if (resolved == null) {
			return; // the user declined (a download)
		}
		super.launch(resolved, mode, launch, monitor);
		// The run directory appears in the workspace as the trainer writes it.
		project(configuration).getFolder(GanLaunchConstants.RUNS_FOLDER).refreshLocal(1, null);
	}

	/**
	 * Checks the configuration and returns the one JDT launches (with what this launch resolved), or
	 * null to launch nothing.
	 */
	protected ILaunchConfiguration prepare(ILaunchConfiguration configuration, String mode, ILaunch launch,
			IProgressMonitor monitor) throws CoreException {
		IProject project = project(configuration);
		checkModel(configuration, project);
		checkJava(configuration);
		checkDataset(configuration);
		checkBackend(configuration);

		File runDirectory = runDirectory(configuration, project);
		launch.setAttribute(GanLaunchConstants.LAUNCH_RUN_DIRECTORY, runDirectory.getAbsolutePath());
		ILaunchConfigurationWorkingCopy resolved = configuration.getWorkingCopy();
		resolved.setAttribute(RESOLVED_RUN_DIR, runDirectory.getAbsolutePath());
		if (GanLaunchConstants.BACKEND_CUDA.equals(backend(configuration))) {
			List<String> cudaJars = cudaClasspath(configuration, monitor);
			if (cudaJars == null) {
				return null; // the user declined the download
			}
			resolved.setAttribute(RESOLVED_BACKEND, cudaJars);
		}
		if (ILaunchManager.DEBUG_MODE.equals(mode) && configuration.getAttribute(GanLaunchConstants.ATTR_STOP_ON_NAN, false)) {
			StopOnNanBreakpoint.ensure();
			resolved.setAttribute(RESOLVED_STOP_ON_NAN, true);
		}
		return resolved;
	}

	@Override
	public String getMainTypeName(ILaunchConfiguration configuration) {
		return GanLaunchConstants.TRAINER_MAIN;
	}

	@Override
	public String getProgramArguments(ILaunchConfiguration configuration) throws CoreException {
		List<String> args = new ArrayList<>();
		String checkpoint = configuration.getAttribute(GanLaunchConstants.ATTR_RESUME_CHECKPOINT, ""); //$NON-NLS-1$
		String runDirectory = configuration.getAttribute(RESOLVED_RUN_DIR, ""); //$NON-NLS-1$
		if (!checkpoint.isBlank()) {
			args.add("resume"); //$NON-NLS-1$
			args.add(quote(runDirectory));
			args.add("--checkpoint"); //$NON-NLS-1$
			args.add(quote(checkpoint));
		} else {
			args.add("train"); //$NON-NLS-1$
			args.add(quote(modelFile(configuration, project(configuration)).getLocation().toOSString()));
			args.add("--run-dir"); //$NON-NLS-1$
			args.add(quote(runDirectory));
			String dataset = configuration.getAttribute(GanLaunchConstants.ATTR_DATASET, ""); //$NON-NLS-1$
			if (!dataset.isBlank()) {
				args.add("--dataset"); //$NON-NLS-1$
				args.add(quote(dataset));
			}
		}
		int steps = configuration.getAttribute(GanLaunchConstants.ATTR_STEPS, 0);
		if (steps > 0) {
			args.add("--steps"); //$NON-NLS-1$
			args.add(Integer.toString(steps));
		}
		if (!GanLaunchConstants.BACKEND_CPU.equals(backend(configuration))) {
			args.add("--backend"); //$NON-NLS-1$
			args.add(backend(configuration));
		}
		if (configuration.getAttribute(RESOLVED_STOP_ON_NAN, false)) {
			args.add("--stop-on-nan"); //$NON-NLS-1$
			args.add("on"); //$NON-NLS-1$
		}
		String user = super.getProgramArguments(configuration);
		return String.join(" ", args) + (user.isBlank() ? "" : " " + user); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	@Override
	public String getVMArguments(ILaunchConfiguration configuration) throws CoreException {
		String user = super.getVMArguments(configuration);
		List<String> ours = new ArrayList<>(trainerLaunch(configuration).vmArguments());
		if (!user.contains("-Xmx")) { //$NON-NLS-1$
			ours.add("-Xmx4g"); //$NON-NLS-1$
		}
		return (String.join(" ", ours) + " " + user).strip(); //$NON-NLS-1$ //$NON-NLS-2$
	}

	@Override
	public String[] getEnvironment(ILaunchConfiguration configuration) throws CoreException {
		String[] environment = super.getEnvironment(configuration);
		Map<String, String> ours = trainerLaunch(configuration).environment();
		if (ours.isEmpty()) {
			return environment;
		}
		List<String> entries = new ArrayList<>();
		if (environment == null) {
			System.getenv().forEach((k, v) -> entries.add(k + "=" + v)); //$NON-NLS-1$
		} else {
			entries.addAll(List.of(environment));
		}
		entries.removeIf(e -> ours.containsKey(e.substring(0, Math.max(0, e.indexOf('=')))));
		ours.forEach((k, v) -> entries.add(k + "=" + v)); //$NON-NLS-1$
		return entries.toArray(String[]::new);
	}

	@Override
	public String[] getClasspath(ILaunchConfiguration configuration) throws CoreException {
		// The project's own classes first: a user's layer wins over the example the trainer carries.
		Set<String> classpath = new LinkedHashSet<>();
		if (JavaRuntime.getJavaProject(configuration) != null) {
			for (String entry : super.getClasspath(configuration)) {
				if (!TrainerLaunch.isNativeBuild(entry)) {
					classpath.add(entry);
				}
			}
		}
		classpath.addAll(trainerLaunch(configuration).classpath());
		return classpath.toArray(String[]::new);
	}

	/** The trainer's classpath, options and environment for the backend: as ./gan-workbench gets them. */
	static TrainerLaunch trainerLaunch(ILaunchConfiguration configuration) throws CoreException {
		if (GanLaunchConstants.BACKEND_CUDA.equals(backend(configuration))) {
			return TrainerLaunch.cuda(TrainerClasspath.entries(), configuration.getAttribute(RESOLVED_BACKEND, List.of()),
					configuration.getAttribute(GanLaunchConstants.ATTR_GPU_INDEX, 0));
		}
		return TrainerClasspath.cpu();
	}

	@Override
	public String[][] getClasspathAndModulepath(ILaunchConfiguration configuration) throws CoreException {
		// The trainer is not a module: everything goes on the classpath.
		return new String[][] { getClasspath(configuration), new String[0] };
	}

	private static String backend(ILaunchConfiguration configuration) throws CoreException {
		return configuration.getAttribute(GanLaunchConstants.ATTR_BACKEND, GanLaunchConstants.BACKEND_CPU);
	}

	protected IProject project(ILaunchConfiguration configuration) throws CoreException {
		String name = configuration.getAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, ""); //$NON-NLS-1$
		IProject project = name.isBlank() ? null : ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (project == null || !project.isOpen()) {
			abort(NLS.bind(Messages.GanLaunchDelegate_noProject, name), null, 0);
		}
		return project;
	}

	protected IFile modelFile(ILaunchConfiguration configuration, IProject project) throws CoreException {
		String model = configuration.getAttribute(GanLaunchConstants.ATTR_MODEL, ""); //$NON-NLS-1$
		IFile file = model.isBlank() ? null : project.getFile(new Path(model));
		if (file == null || !file.exists()) {
			abort(NLS.bind(Messages.GanLaunchDelegate_noModel, model, project.getName()), null, 0);
		}
		return file;
	}

	protected void checkModel(ILaunchConfiguration configuration, IProject project) throws CoreException {
		if (!configuration.getAttribute(GanLaunchConstants.ATTR_RESUME_CHECKPOINT, "").isBlank()) { //$NON-NLS-1$
			return; // a resumed run trains the model snapshot of its run directory
		}
		IFile file = modelFile(configuration, project);
		byte[] bytes;
		try (InputStream in = file.getContents(true)) {
			bytes = in.readAllBytes();
		} catch (IOException e) {
			abort(NLS.bind(Messages.GanLaunchDelegate_unreadableModel, file.getFullPath(), e.getMessage()), e, 0);
			return;
		}
		List<Problem> errors = ModelDocument.read(bytes).problems().stream()
				.filter(p -> p.severity() == Severity.ERROR).toList();
		if (!errors.isEmpty()) {
			// The markers say where; the builder may not have run yet, so make sure they are there.
			new org.ganworkbench.core.internal.builder.ModelValidation().validate(file);
			abort(NLS.bind(Messages.GanLaunchDelegate_invalidModel,
					new Object[] { file.getFullPath(), errors.size(), errors.get(0) }), null, 0);
		}
	}

	protected void checkJava(ILaunchConfiguration configuration) throws CoreException {
		IVMInstall vm = verifyVMInstall(configuration);
		if (vm instanceof IVMInstall2 vm2 && vm2.getJavaVersion() != null) {
			String version = vm2.getJavaVersion();
			int major = majorVersion(version);
			if (major > 0 && major < 17) {
				abort(NLS.bind(Messages.GanLaunchDelegate_oldJava, vm.getName(), version), null, 0);
			}
		}
	}

	static int majorVersion(String version) {
		String[] parts = version.split("[._-]"); //$NON-NLS-1$
		try {
			int first = Integer.parseInt(parts[0]);
			return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
		} catch (NumberFormatException e) {
			return -1;
		}
	}

	private void checkDataset(ILaunchConfiguration configuration) throws CoreException {
		String dataset = configuration.getAttribute(GanLaunchConstants.ATTR_DATASET, ""); //$NON-NLS-1$
		if (!dataset.isBlank() && !new File(dataset).exists()) {
			abort(NLS.bind(Messages.GanLaunchDelegate_noDataset, dataset), null, 0);
		}
	}

	private void checkBackend(ILaunchConfiguration configuration) throws CoreException {
		if (!GanLaunchConstants.BACKEND_CUDA.equals(backend(configuration))) {
			return;
		}
		String problem = new GpuProbe(searchPath(configuration)).problemWith(configuration.getAttribute(GanLaunchConstants.ATTR_GPU_INDEX, 0));
		if (problem != null) {
			abort(problem, null, 0);
		}
	}

	/**
	 * ND4J's CUDA build (and the CUDA libraries the system lacks), resolved with the user's Maven on
	 * first use after the user agreed to its size; null when the user declined.
	 */
	private static List<String> cudaClasspath(ILaunchConfiguration configuration, IProgressMonitor monitor)
			throws CoreException {
		java.nio.file.Path cache = Platform.getStateLocation(FrameworkUtil.getBundle(GanLaunchDelegate.class))
				.append("runtimes").toPath(); //$NON-NLS-1$
		MavenResolver resolver = new MavenResolver(searchPath(configuration), cache);
		CudaRuntime.Plan plan = CudaRuntime.plan();
		List<String> known = resolver.remembered(plan.coordinates());
		if (!known.isEmpty()) {
			return known;
		}
		if (!downloadConfirmed(plan)) {
			return null;
		}
		SubMonitor progress = SubMonitor.convert(monitor,
				NLS.bind(Messages.GanLaunchDelegate_downloadingCuda, plan.description()), IProgressMonitor.UNKNOWN);
		try {
			return resolver.classpath(plan.coordinates(), new MavenResolver.Progress() {
				@Override
				public void line(String text) {
					progress.subTask(text);
					progress.worked(1);
				}

				@Override
				public boolean canceled() {
					return progress.isCanceled();
				}
			});
		} catch (MavenResolver.CanceledException e) {
			throw new OperationCanceledException();
		} catch (MavenResolver.ResolutionException e) {
			throw new CoreException(Status.error(e.getMessage()));
		}
	}

	/**
	 * Asks the user through Debug's status handlers (the UI contributes one that shows the size);
	 * without a UI, as in a headless launch, the launch itself is the consent.
	 */
	private static boolean downloadConfirmed(CudaRuntime.Plan plan) throws CoreException {
		IStatus prompt = new Status(IStatus.INFO, GanCore.PLUGIN_ID, GanLaunchConstants.STATUS_CONFIRM_CUDA_DOWNLOAD,
				plan.description(), null);
		IStatusHandler handler = DebugPlugin.getDefault().getStatusHandler(prompt);
		return handler == null || Boolean.TRUE.equals(handler.handleStatus(prompt, plan));
	}

	private static String searchPath(ILaunchConfiguration configuration) throws CoreException {
		Map<String, String> environment = configuration.getAttribute(ILaunchManager.ATTR_ENVIRONMENT_VARIABLES,
				Map.of());
		return environment.getOrDefault("PATH", System.getenv("PATH")); //$NON-NLS-1$ //$NON-NLS-2$
	}

	/** A new directory under the project's runs/ folder, or the configured one; never an existing run's. */
	private File runDirectory(ILaunchConfiguration configuration, IProject project) throws CoreException {
		String checkpoint = configuration.getAttribute(GanLaunchConstants.ATTR_RESUME_CHECKPOINT, ""); //$NON-NLS-1$
		if (!checkpoint.isBlank()) {
			File checkpointFile = new File(checkpoint);
			if (!checkpointFile.isFile()) {
				abort(NLS.bind(Messages.GanLaunchDelegate_noCheckpoint, checkpoint), null, 0);
			}
			return checkpointFile.getAbsoluteFile().getParentFile().getParentFile();
		}
		String configured = configuration.getAttribute(GanLaunchConstants.ATTR_RUN_DIR, ""); //$NON-NLS-1$
		if (!configured.isBlank()) {
			File dir = new File(configured);
			if (new File(dir, "run.json").exists()) { //$NON-NLS-1$
				abort(NLS.bind(Messages.GanLaunchDelegate_runExists, dir), null, 0);
			}
			return dir;
		}
		String model = new Path(configuration.getAttribute(GanLaunchConstants.ATTR_MODEL, "model")) //$NON-NLS-1$
				.removeFileExtension().lastSegment();
		File runs = project.getLocation().append(GanLaunchConstants.RUNS_FOLDER).toFile();
		return RunNames.newRunDirectory(runs, model);
	}

	static String quote(String argument) {
		// JDT splits program arguments on blanks unless quoted.
		return argument.contains(" ") ? "\"" + argument + "\"" : argument; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
	}

}
