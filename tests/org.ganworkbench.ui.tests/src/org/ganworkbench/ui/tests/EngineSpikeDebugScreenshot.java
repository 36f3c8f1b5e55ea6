package org.ganworkbench.ui.tests;

import static org.ganworkbench.ui.tests.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.IDebugView;
import org.eclipse.jdt.core.IClasspathEntry;
import org.eclipse.jdt.core.IJavaProject;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jdt.debug.core.IJavaStackFrame;
import org.eclipse.jdt.debug.core.JDIDebugModel;
import org.eclipse.jdt.internal.debug.ui.DetailFormatter;
import org.eclipse.jdt.internal.debug.ui.JavaDetailFormattersManager;
import org.eclipse.jdt.launching.IJavaLaunchConfigurationConstants;
import org.eclipse.jdt.launching.JavaRuntime;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (its name does not end in Test, and it needs the engine spike built):
 * {@code releng/engine-spike.sh --screenshot} runs it. Debug As Java Application on the spike's
 * NoiseLayerTraining in this workbench, a line breakpoint in the custom layer ScaledNoise.forward,
 * and, suspended there, the Variables view with the layer's input tensor selected: its details
 * (a detail formatter calling TensorText.of) give shape and values. Saves
 * debug-libtorch-custom-layer.png for docs/decisions.md, "Engines".
 */
class EngineSpikeDebugScreenshot {

	private static final String LAYER = "org.ganworkbench.enginespike.layers.ScaledNoise";
	private static final Duration SUSPEND_TIMEOUT = Duration.ofMinutes(3);

	@Test
	void aBreakpointInTheCustomLayerShowsItsTensors() throws Exception {
		String classpath = System.getProperty("spike.classpath");
		String sources = System.getProperty("spike.sources");
		assertNotNull(classpath, "run by releng/engine-spike.sh --screenshot, which passes -Dspike.classpath");
		IJavaProject project = javaProject(classpath.split(":"), Path.of(sources));
		int line = firstLineOfForward(Path.of(sources, LAYER.replace('.', '/') + ".java"));
		JDIDebugModel.createLineBreakpoint(project.getProject(), LAYER, line, -1, -1, 0, true, null);
		JavaDetailFormattersManager.getDefault().setAssociatedDetailFormatter(new DetailFormatter(
				"org.bytedeco.pytorch.Tensor", "org.ganworkbench.enginespike.debug.TensorText.of(this)", true));
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		Screenshots.sizeWindow();
		// open before the launch: the Debug view then selects the suspended frame, the Variables view's context
		page.showView(IDebugUIConstants.ID_DEBUG_VIEW);
		ILaunch launch = launch(project);
		try {
			waitUntil("the training suspends in ScaledNoise.forward", SUSPEND_TIMEOUT, () -> layerFrame(launch) != null,
					() -> "not yet");
			IJavaStackFrame frame = layerFrame(launch);
			waitUntil("the Debug view makes the layer's frame the debug context",
					() -> DebugUITools.getDebugContext() != null && frame.equals(DebugUITools.getDebugContext().getAdapter(IJavaStackFrame.class)),
					() -> String.valueOf(DebugUITools.getDebugContext()));
			IDebugView variables = (IDebugView) page.showView(IDebugUIConstants.ID_VARIABLE_VIEW);
			Tree tree = (Tree) variables.getViewer().getControl();
			try {
				// the Console comes to the front when the program prints; a hidden Variables view draws nothing
				waitUntil("the Variables view lists x", () -> {
					if (!page.isPartVisible(variables)) {
						page.activate(variables);
					}
					return item(tree, "x") != null;
				}, () -> names(tree));
			} catch (AssertionError e) {
				Screenshots.save("debug-libtorch-failure");
				throw e;
			}
			// selected again until the virtual tree has the row's element (a selection of no row is dropped), and
			// until the details pane shows what the detail formatter computed in the suspended thread
			waitUntil("the details pane shows the tensor", Duration.ofSeconds(90), () -> {
				TreeItem x = item(tree, "x");
				if (x != null && x.getData() != null && variables.getViewer().getSelection().isEmpty()) {
					((TreeViewer) variables.getViewer()).setSelection(new StructuredSelection(x.getData()));
				}
				if (!page.isPartVisible(variables)) {
					page.activate(variables);
				}
				return details(viewControl(tree)).contains("float min");
			}, () -> details(viewControl(tree)));
			Path saved = Screenshots.save("debug-libtorch-custom-layer");
			assertTrue(Files.size(saved) > 0);
		} finally {
			try {
				launch.terminate();
			} catch (DebugException e) { // a thread still evaluating the detail formatter: end the process
				for (IProcess process : launch.getProcesses()) {
					process.terminate();
				}
			}
			DebugPlugin.getDefault().getBreakpointManager().removeBreakpoints(
					DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(JDIDebugModel.getPluginIdentifier()), true);
			project.getProject().delete(true, true, null);
		}
	}

	private static IJavaProject javaProject(String[] classpath, Path sources) throws CoreException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("engine-spike");
		if (project.exists()) {
			project.delete(true, true, null);
		}
		project.create(null);
		project.open(null);
		IProjectDescription description = project.getDescription();
		description.setNatureIds(new String[] { JavaCore.NATURE_ID });
		project.setDescription(description, null);
		IJavaProject java = JavaCore.create(project);
		List<IClasspathEntry> entries = new ArrayList<>();
		entries.add(JavaRuntime.getDefaultJREContainerEntry());
		for (String entry : classpath) {
			org.eclipse.core.runtime.Path path = new org.eclipse.core.runtime.Path(entry);
			boolean spikeClasses = entry.endsWith("target/classes");
			entries.add(JavaCore.newLibraryEntry(path, spikeClasses ? new org.eclipse.core.runtime.Path(sources.toString()) : null, null));
		}
		java.setRawClasspath(entries.toArray(IClasspathEntry[]::new), project.getFullPath().append("bin"), null);
		return java;
	}

	private static int firstLineOfForward(Path source) throws Exception {
		List<String> lines = Files.readAllLines(source);
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(" forward(")) {
				return i + 2; // the line after the signature
			}
		}
		throw new IllegalStateException("no forward in " + source);
	}

	private static ILaunch launch(IJavaProject project) throws CoreException {
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		ILaunchConfigurationType type = manager.getLaunchConfigurationType(IJavaLaunchConfigurationConstants.ID_JAVA_APPLICATION);
		DebugUITools.setLaunchPerspective(type, ILaunchManager.DEBUG_MODE, IDebugUIConstants.PERSPECTIVE_NONE);
		ILaunchConfigurationWorkingCopy configuration = type.newInstance(null, "engine spike custom layer");
		configuration.setAttribute(IJavaLaunchConfigurationConstants.ATTR_PROJECT_NAME, project.getElementName());
		configuration.setAttribute(IJavaLaunchConfigurationConstants.ATTR_MAIN_TYPE_NAME,
				"org.ganworkbench.enginespike.debug.NoiseLayerTraining");
		return configuration.launch(ILaunchManager.DEBUG_MODE, null);
	}

	private static IJavaStackFrame layerFrame(ILaunch launch) {
		try {
			for (IThread thread : launch.getDebugTarget().getThreads()) {
				if (thread.isSuspended() && thread.getTopStackFrame() instanceof IJavaStackFrame frame
						&& frame.getDeclaringTypeName().equals(LAYER)) {
					return frame;
				}
			}
		} catch (Exception e) {
			// not yet
		}
		return null;
	}

	private static TreeItem item(Tree tree, String name) {
		for (TreeItem item : tree.getItems()) {
			if (item.getText().equals(name) || item.getText().startsWith(name + " ")) {
				return item;
			}
		}
		return null;
	}

	private static String names(Tree tree) {
		StringBuilder out = new StringBuilder(tree.getItemCount() + " items:");
		for (TreeItem item : tree.getItems()) {
			out.append(" [").append(item.getText()).append('|').append(item.getText(1)).append(']');
		}
		return out.toString();
	}

	/** The view's own part control (the Console's, a sibling tab, must not be searched). */
	private static Control viewControl(Control control) {
		Control view = control;
		while (view.getParent() != null && !(view.getParent() instanceof CTabFolder)) {
			view = view.getParent();
		}
		return view;
	}

	/** The texts of the details pane (a StyledText under the view's sash). */
	private static String details(Control control) {
		StringBuilder out = new StringBuilder();
		if (control instanceof StyledText text) {
			out.append(text.getText()).append('\n');
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				out.append(details(child));
			}
		}
		return out.toString();
	}
}
