package org.ganworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IStatusHandler;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.ganworkbench.core.GanCore;
import org.ganworkbench.core.launching.GanLaunchConstants;
import org.ganworkbench.model.backend.CudaRuntime;
import org.junit.jupiter.api.Test;

/**
 * A CUDA launch asks before it downloads ND4J's CUDA build: the launch delegate (in a job) asks
 * Debug's status handler, and the workbench shows what and how much; No stops the launch.
 */
class CudaDownloadPromptTest {

	@Test
	void theQuestionNamesTheDownloadAndItsSizeAndNoDeclines() throws Exception {
		IStatus prompt = new Status(IStatus.INFO, GanCore.PLUGIN_ID, GanLaunchConstants.STATUS_CONFIRM_CUDA_DOWNLOAD,
				"CUDA", null);
		IStatusHandler handler = DebugPlugin.getDefault().getStatusHandler(prompt);
		assertNotNull(handler, "the UI contributes the question");
		CudaRuntime.Plan plan = new CudaRuntime.Plan(List.of("org.nd4j:nd4j-cuda-11.6:1.0.0-M2.1"), 2431,
				"ND4J's CUDA build with cuDNN (about 601 MB) and the CUDA 11.6 libraries");

		Display display = Display.getCurrent();
		String[] shown = new String[1];
		// The dialog runs its own event loop: answer it from a timer that loop runs.
		display.timerExec(50, new Runnable() {
			@Override
			public void run() {
				Shell dialog = questionShell(display);
				if (dialog == null) {
					display.timerExec(50, this);
					return;
				}
				shown[0] = dialog.getText() + "\n" + labels(dialog);
				press(dialog, IDialogConstants.NO_LABEL);
			}
		});
		CompletableFuture<Object> answer = CompletableFuture.supplyAsync(() -> {
			try {
				return handler.handleStatus(prompt, plan);
			} catch (CoreException e) {
				throw new IllegalStateException(e);
			}
		});
		UiTestSupport.waitUntil("the question is answered", answer::isDone, () -> String.valueOf(shown[0]));

		assertEquals(Boolean.FALSE, answer.get(), "No declines the download");
		assertTrue(shown[0].contains("2431 MB") && shown[0].contains(plan.description()), shown[0]);
	}

	private static Shell questionShell(Display display) {
		for (Shell shell : display.getShells()) {
			if (!shell.isDisposed() && shell.isVisible() && shell.getText().contains("CUDA")) {
				return shell;
			}
		}
		return null;
	}

	private static String labels(Composite composite) {
		StringBuilder text = new StringBuilder();
		for (Control child : composite.getChildren()) {
			if (child instanceof Label label) {
				text.append(label.getText()).append('\n');
			} else if (child instanceof Composite inner) {
				text.append(labels(inner));
			}
		}
		return text.toString();
	}

	private static void press(Composite composite, String buttonText) {
		for (Control child : composite.getChildren()) {
			if (child instanceof Button button && buttonText.equals(button.getText())) {
				button.notifyListeners(SWT.Selection, null);
				return;
			}
			if (child instanceof Composite inner) {
				press(inner, buttonText);
			}
		}
	}
}
