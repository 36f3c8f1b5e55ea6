package org.ganworkbench.ui.internal.launching;

import java.io.IOException;
import java.util.function.Consumer;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.core.ICompilationUnit;
import org.eclipse.jdt.core.IType;
import org.eclipse.jdt.core.JavaCore;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.ganworkbench.core.internal.launching.LayerGradientCheck;

/**
 * Check Gradients on a custom layer's Java file: the trainer's {@code check-layer} on the class as
 * the project compiled it, with the input shape and keys of its use in the project's model files (or
 * a shape the user gives when no model uses it yet), in a job; the worst relative error per input and
 * parameter and the verdict are shown when it ends.
 */
public final class CheckGradientsHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		Shell shell = HandlerUtil.getActiveShell(event);
		IType type = selectedType(HandlerUtil.getCurrentSelection(event));
		if (type == null) {
			MessageDialog.openInformation(shell, Messages.CheckGradients_title, Messages.CheckGradients_noClass);
			return null;
		}
		String className = type.getFullyQualifiedName();
		LayerGradientCheck.Use use;
		try {
			use = LayerGradientCheck.findUse(type.getJavaProject().getProject(), className);
		} catch (CoreException e) {
			MessageDialog.openError(shell, Messages.CheckGradients_title, e.getMessage());
			return null;
		}
		String input = use == null ? askInput(shell, className) : use.input();
		if (input != null) {
			schedule(shell, type, input, use == null ? null : use.params(),
					outcome -> show(shell, type.getFullyQualifiedName(), outcome));
		}
		return null;
	}

	/** Runs the check in a job; {@code shown} gets the outcome on the UI thread. */
	static Job schedule(Shell shell, IType type, String input, String params, Consumer<LayerGradientCheck.Outcome> shown) {
		String className = type.getFullyQualifiedName();
		Job job = Job.create(NLS.bind(Messages.CheckGradients_job, className), monitor -> {
			try {
				LayerGradientCheck.Outcome outcome = LayerGradientCheck.run(type.getJavaProject().getProject(), className,
						input, params, monitor);
				if (outcome == null) {
					return Status.CANCEL_STATUS;
				}
				shell.getDisplay().asyncExec(() -> shown.accept(outcome));
				return outcome.passed() ? Status.OK_STATUS
						: new Status(IStatus.INFO, "org.ganworkbench.ui", outcome.output()); //$NON-NLS-1$
			} catch (CoreException | IOException e) {
				return Status.error(NLS.bind(Messages.CheckGradients_notStarted, e.getMessage()), e);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return Status.CANCEL_STATUS;
			}
		});
		job.setUser(true);
		job.schedule();
		return job;
	}

	private static void show(Shell shell, String className, LayerGradientCheck.Outcome outcome) {
		if (shell.isDisposed()) {
			return;
		}
		String title = NLS.bind(Messages.CheckGradients_result, className);
		if (outcome.passed()) {
			MessageDialog.openInformation(shell, title, outcome.output().strip());
		} else {
			MessageDialog.openError(shell, title, outcome.output().strip());
		}
	}

	private static String askInput(Shell shell, String className) {
		InputDialog dialog = new InputDialog(shell, Messages.CheckGradients_title,
				NLS.bind(Messages.CheckGradients_askInput, className), "64,14,14", //$NON-NLS-1$
				text -> text.strip().matches("[0-9]+(,[0-9]+){0,2}") ? null : Messages.CheckGradients_badInput); //$NON-NLS-1$
		return dialog.open() == Window.OK ? dialog.getValue().strip() : null;
	}

	private static IType selectedType(Object selection) {
		if (!(selection instanceof IStructuredSelection structured) || structured.isEmpty()) {
			return null;
		}
		Object element = structured.getFirstElement();
		if (element instanceof IType type) {
			return type;
		}
		ICompilationUnit unit = element instanceof ICompilationUnit cu ? cu
				: element instanceof IFile file ? JavaCore.createCompilationUnitFrom(file) : null;
		return unit == null ? null : unit.findPrimaryType();
	}
}
