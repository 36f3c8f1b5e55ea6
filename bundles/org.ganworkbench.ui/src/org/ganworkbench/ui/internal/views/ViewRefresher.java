package org.ganworkbench.ui.internal.views;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.util.Throttler;
import org.eclipse.swt.widgets.Control;

/**
 * Computes what a view shows in a background job and hands the result to the UI thread through a
 * throttle. {@link #request()} may be called from any thread, as often as changes come: requests
 * while the job waits merge, a request while it runs makes it run once more.
 */
final class ViewRefresher<T> {

	private static final Duration PAUSE = Duration.ofMillis(150);

	private final Control owner;
	private final AtomicReference<T> result = new AtomicReference<>();
	private final Throttler throttler;
	private final Job job;

	ViewRefresher(Control owner, String jobName, Supplier<T> compute, Consumer<T> apply) {
		this.owner = owner;
		this.throttler = new Throttler(owner.getDisplay(), PAUSE, () -> {
			T value = result.getAndSet(null);
			if (value != null && !owner.isDisposed()) {
				apply.accept(value);
			}
		});
		this.job = Job.create(jobName, monitor -> {
			T value = compute.get();
			if (value != null && !owner.isDisposed()) {
				result.set(value);
				throttler.throttledExec();
			}
		});
		job.setSystem(true);
	}

	void request() {
		if (!owner.isDisposed()) {
			job.schedule();
		}
	}

	void cancel() {
		job.cancel();
	}
}
