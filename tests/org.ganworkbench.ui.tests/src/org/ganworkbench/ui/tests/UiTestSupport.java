package org.ganworkbench.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Display;

/** Waiting on the UI thread without fixed sleeps, and watching the log for errors. */
final class UiTestSupport {

	static final Duration TIMEOUT = Duration.ofSeconds(20);

	private UiTestSupport() {
	}

	/**
	 * Runs the event loop until the condition holds; fails after {@link #TIMEOUT} with a message that
	 * says what was awaited and what was last seen.
	 */
	static void waitUntil(String what, BooleanSupplier condition, Supplier<String> seen) {
		waitUntil(what, TIMEOUT, condition, seen);
	}

	/** As {@link #waitUntil(String, BooleanSupplier, Supplier)}, for things slower than usual (a training run). */
	static void waitUntil(String what, Duration timeout, BooleanSupplier condition, Supplier<String> seen) {
		Display display = Display.getCurrent();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("Timed out waiting until " + what + "; last seen: " + seen.get());
			}
			if (!display.readAndDispatch()) {
				// Wake up at the latest in 20 ms: a background job may change the condition without
				// posting anything to the display.
				display.timerExec(20, () -> {
				});
				display.sleep();
			}
		}
	}

	static void waitUntil(String what, BooleanSupplier condition) {
		waitUntil(what, condition, () -> "-");
	}

	/** Collects the errors logged while it is open. */
	static final class ErrorLog implements AutoCloseable {
		private final List<IStatus> errors = new ArrayList<>();
		private final ILogListener listener = (status, plugin) -> {
			if (status.matches(IStatus.ERROR)) {
				synchronized (errors) {
					errors.add(status);
				}
			}
		};

		ErrorLog() {
			Platform.addLogListener(listener);
		}

		List<IStatus> errors() {
			synchronized (errors) {
				return List.copyOf(errors);
			}
		}

		@Override
		public void close() {
			Platform.removeLogListener(listener);
		}
	}
}
