package org.ganworkbench.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;

/** The GAN project nature: its only job is to keep the model builder in the build spec. */
public class GanNature implements IProjectNature {

	private IProject project;

	@Override
	public void configure() throws CoreException {
		IProjectDescription description = project.getDescription();
		ICommand[] commands = description.getBuildSpec();
		for (ICommand command : commands) {
			if (GanCore.BUILDER_ID.equals(command.getBuilderName())) {
				return;
			}
		}
		ICommand builder = description.newCommand();
		builder.setBuilderName(GanCore.BUILDER_ID);
		List<ICommand> spec = new ArrayList<>(Arrays.asList(commands));
		spec.add(builder);
		description.setBuildSpec(spec.toArray(ICommand[]::new));
		project.setDescription(description, null);
	}

	@Override
	public void deconfigure() throws CoreException {
		IProjectDescription description = project.getDescription();
		ICommand[] kept = Arrays.stream(description.getBuildSpec())
				.filter(c -> !GanCore.BUILDER_ID.equals(c.getBuilderName())).toArray(ICommand[]::new);
		description.setBuildSpec(kept);
		project.setDescription(description, null);
	}

	@Override
	public IProject getProject() {
		return project;
	}

	@Override
	public void setProject(IProject project) {
		this.project = project;
	}

	/** Adds the nature (and with it the builder) to a project. */
	public static void addTo(IProject project) throws CoreException {
		if (project.hasNature(GanCore.NATURE_ID)) {
			return;
		}
		IProjectDescription description = project.getDescription();
		String[] natures = description.getNatureIds();
		String[] extended = Arrays.copyOf(natures, natures.length + 1);
		extended[natures.length] = GanCore.NATURE_ID;
		description.setNatureIds(extended);
		project.setDescription(description, null);
	}
}
