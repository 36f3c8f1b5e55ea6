package org.ganworkbench.ui.internal.launching;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.debug.core.IStatusHandler;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.ganworkbench.model.backend.CudaRuntime;

/**
 * Asks before a CUDA launch downloads ND4J's CUDA build (hundreds of megabytes, more with the CUDA
 * libraries), saying what and how much. The launch delegate asks through Debug's status handlers, as
 * JDT's launches ask their questions, so the core bundle stays free of UI.
 */
public final class CudaDownloadPrompter implements IStatusHandler {

	@Override
	public Object handleStatus(IStatus status, Object source) {
		if (!(source instanceof CudaRuntime.Plan plan)) {
			return Boolean.FALSE;
		}
		AtomicBoolean agreed = new AtomicBoolean();
		// The launch runs in a job and must wait for the answer.
		Display display = PlatformUI.getWorkbench().getDisplay();
		display.syncExec(() -> agreed.set(MessageDialog.openQuestion(display.getActiveShell(),
				Messages.CudaDownloadPrompter_title,
				NLS.bind(Messages.CudaDownloadPrompter_question, plan.description(), plan.downloadMb()))));
		return agreed.get();
	}
}
