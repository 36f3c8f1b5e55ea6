package org.ganworkbench.tests.support;

import java.io.ByteArrayInputStream;
import java.time.Duration;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.core.projects.DatasetChoice;
import org.ganworkbench.core.projects.GanProjects;
import org.ganworkbench.core.projects.ModelSpec;
import org.ganworkbench.core.projects.ProjectSpec;
import org.ganworkbench.model.ModelWriter;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;

/** A GAN project with a model small enough to train a few steps in seconds, and its launch configuration. */
public final class TrainingLaunches {

	private TrainingLaunches() {
	}

	/** How long a small training run may take on a loaded 2-core machine. */
	public static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

	public static IProject smallProject(String name) throws Exception {
		IProject project = GanProjects.create(new ProjectSpec(name, null,
				new ModelSpec("dcgan", 28, 1, DatasetChoice.SYNTHETIC, null)), null);
		IFile model = project.getFile("dcgan.gan");
		String text = new String(model.getContents().readAllBytes(), model.getCharset());
		text = ModelWriter.set(text, "training.batch", "8");
		text = ModelWriter.set(text, "training.intervals.samples", "2");
		text = ModelWriter.set(text, "training.intervals.singular_values", "2");
		text = ModelWriter.set(text, "training.intervals.metrics", "1");
		text = ModelWriter.set(text, "training.intervals.checkpoints", "4");
		model.setContents(new ByteArrayInputStream(text.getBytes(model.getCharset())), true, false, null);
		return project;
	}

	/** Changes one value of the project's model, as the editor's Training page would. */
	public static void setModelValue(IProject project, String path, String value) throws Exception {
		IFile model = project.getFile("dcgan.gan");
		String text = new String(model.getContents().readAllBytes(), model.getCharset());
		text = ModelWriter.set(text, path, value);
		model.setContents(new ByteArrayInputStream(text.getBytes(model.getCharset())), true, false, null);
	}

	public static ILaunchConfiguration configuration(IProject project, int steps) throws Exception {
		ILaunchConfigurationType type = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(GanLaunchConstants.LAUNCH_TYPE_ID);
		ILaunchConfigurationWorkingCopy copy = type.newInstance(null, project.getName() + "-training");
		copy.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, project.getName());
		copy.setAttribute(GanLaunchConstants.ATTR_MODEL, "dcgan.gan");
		copy.setAttribute(GanLaunchConstants.ATTR_STEPS, steps);
		copy.setAttribute(IJavaLaunchConfigurationConstants.ATTR_VM_ARGUMENTS, "-Xmx2g");
		return copy.doSave();
	}

	/** How many metrics events a run has logged so far (0 while its log cannot be read yet). */
	public static int metricsCount(RunDirectory run) {
		try {
			return (int) run.readEvents().stream().filter(e -> RunEvent.METRICS.equals(e.type())).count();
		} catch (java.io.IOException e) {
			return 0;
		}
	}

	/** What the trainer printed, for failure messages. */
	public static String output(ILaunch launch) {
		StringBuilder text = new StringBuilder();
		for (IProcess process : launch.getProcesses()) {
			text.append(process.getAttribute(IProcess.ATTR_CMDLINE)).append('\n');
			if (process.getStreamsProxy() == null) {
				continue; // a trainer this IDE did not start: its output went elsewhere
			}
			text.append(process.getStreamsProxy().getOutputStreamMonitor().getContents());
			text.append(process.getStreamsProxy().getErrorStreamMonitor().getContents());
		}
		return text.toString();
	}
}
