package org.ganworkbench.ui.internal.editor;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;

/**
 * Parses the model off the UI thread and hands each snapshot to the display. Only the latest request
 * counts: one asked for while a parse runs replaces any other waiting, and runs after it.
 */
final class ParseJob extends Job {

	private final Display display;
	private final Consumer<ModelSnapshot> onParsed;
	private final AtomicReference<Supplier<ModelSnapshot>> pending = new AtomicReference<>();

	/** @param onParsed told on the UI thread, in the order of the requests */
	ParseJob(Display display, Consumer<ModelSnapshot> onParsed) {
		super(Messages.ParseJob_name);
		this.display = display;
		this.onParsed = onParsed;
		setSystem(true);
		setPriority(SHORT);
	}

	/** Any thread: parses {@code what} soon, instead of any request still waiting. */
	void request(Supplier<ModelSnapshot> what) {
		pending.set(what);
		schedule();
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		Supplier<ModelSnapshot> what = pending.getAndSet(null);
		if (what == null || monitor.isCanceled()) {
			return Status.OK_STATUS;
		}
		ModelSnapshot snapshot = what.get();
		if (!display.isDisposed()) {
			display.asyncExec(() -> onParsed.accept(snapshot));
		}
		return Status.OK_STATUS;
	}
}
