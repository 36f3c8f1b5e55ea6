package org.ganworkbench.ui.internal.launching;

import java.util.Arrays;
import java.util.Optional;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut2;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PlatformUI;
import org.ganworkbench.core.GanCore;
import org.ganworkbench.core.launching.GanLaunchConstants;

/**
 * Run As / Debug As > GAN Training on a {@code *.gan} file, a GAN project, or the model editor: reuses
 * the configuration of that model if there is one, else creates it.
 */
public class GanLaunchShortcut implements ILaunchShortcut2 {

	@Override
	public void launch(ISelection selection, String mode) {
		if (selection instanceof IStructuredSelection structured && !structured.isEmpty()) {
			IResource resource = Adapters.adapt(structured.getFirstElement(), IResource.class);
			modelOf(resource).ifPresentOrElse(model -> launch(model, mode), this::noModel);
		}
	}

	@Override
	public void launch(IEditorPart editor, String mode) {
		IResource resource = getLaunchableResource(editor);
		modelOf(resource).ifPresentOrElse(model -> launch(model, mode), this::noModel);
	}

	/**
	 * Launches the model's configuration, creating it first if needed. Public: the demo start-up, in
	 * another bundle, launches with it.
	 */
	public ILaunchConfiguration launch(IFile model, String mode) {
		try {
			ILaunchConfiguration configuration = findOrCreate(model, launchType());
			DebugUITools.launch(configuration, mode);
			return configuration;
		} catch (CoreException e) {
			MessageDialog.openError(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
					Messages.GanLaunchShortcut_title, e.getMessage());
			return null;
		}
	}

	/** The launch type this shortcut launches: GAN Training. */
	protected String launchType() {
		return GanLaunchConstants.LAUNCH_TYPE_ID;
	}

	public static ILaunchConfiguration findOrCreate(IFile model) throws CoreException {
		return findOrCreate(model, GanLaunchConstants.LAUNCH_TYPE_ID);
	}

	/** The model's configuration of the launch type, created if there is none. */
	public static ILaunchConfiguration findOrCreate(IFile model, String typeId) throws CoreException {
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		ILaunchConfigurationType type = manager.getLaunchConfigurationType(typeId);
		String project = model.getProject().getName();
		String path = model.getProjectRelativePath().toString();
		for (ILaunchConfiguration configuration : manager.getLaunchConfigurations(type)) {
			if (project.equals(configuration.getAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, "")) //$NON-NLS-1$
					&& path.equals(configuration.getAttribute(GanLaunchConstants.ATTR_MODEL, ""))) { //$NON-NLS-1$
				return configuration;
			}
		}
		String name = manager.generateLaunchConfigurationName(model.getFullPath().removeFileExtension().lastSegment());
		ILaunchConfigurationWorkingCopy copy = type.newInstance(null, name);
		copy.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, project);
		copy.setAttribute(GanLaunchConstants.ATTR_MODEL, path);
		copy.setAttribute(GanLaunchConstants.ATTR_BACKEND, GanLaunchConstants.BACKEND_CPU);
		copy.setMappedResources(new IResource[] { model });
		return copy.doSave();
	}

	private void noModel() {
		MessageDialog.openInformation(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
				Messages.GanLaunchShortcut_title, Messages.GanLaunchShortcut_noModel);
	}

	/** The model a resource stands for: itself if a *.gan file, else the first *.gan file of its project. */
	static Optional<IFile> modelOf(IResource resource) {
		if (resource == null) {
			return Optional.empty();
		}
		if (resource instanceof IFile file && GanCore.MODEL_EXTENSION.equals(file.getFileExtension())) {
			return Optional.of(file);
		}
		IProject project = resource.getProject();
		return project == null ? Optional.empty() : firstModel(project);
	}

	private static Optional<IFile> firstModel(IContainer container) {
		try {
			IResource[] members = container.members();
			Arrays.sort(members, (a, b) -> a.getName().compareTo(b.getName()));
			for (IResource member : members) {
				if (member instanceof IFile file && GanCore.MODEL_EXTENSION.equals(file.getFileExtension())) {
					return Optional.of(file);
				}
			}
			for (IResource member : members) {
				if (member instanceof IContainer folder && !member.isDerived()
						&& !GanLaunchConstants.RUNS_FOLDER.equals(member.getName())) {
					Optional<IFile> found = firstModel(folder);
					if (found.isPresent()) {
						return found;
					}
				}
			}
		} catch (CoreException e) {
			// an unreadable folder holds no model
		}
		return Optional.empty();
	}

	@Override
	public ILaunchConfiguration[] getLaunchConfigurations(ISelection selection) {
		return null; // let the platform decide
	}

	@Override
	public ILaunchConfiguration[] getLaunchConfigurations(IEditorPart editor) {
		return null;
	}

	@Override
	public IResource getLaunchableResource(ISelection selection) {
		if (selection instanceof IStructuredSelection structured && !structured.isEmpty()) {
			return modelOf(Adapters.adapt(structured.getFirstElement(), IResource.class)).orElse(null);
		}
		return null;
	}

	@Override
	public IResource getLaunchableResource(IEditorPart editor) {
		IEditorInput input = editor.getEditorInput();
		return input instanceof IFileEditorInput file ? file.getFile() : null;
	}
}
