package org.ganworkbench.ui.tests;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.swt.widgets.Display;
import org.ganworkbench.tests.support.Wait;

/** The shared {@link Wait}, on the UI thread: the event loop runs while the test waits. */
public final class UiTestSupport {

	public static final Duration TIMEOUT = Duration.ofSeconds(20);

	/**
	 * Runs the event loop for up to the given time. It wakes early when an event arrives, and at the
	 * latest after the given time: a background job may change a condition without posting anything.
	 */
	public static final Wait.Pause EVENT_LOOP = millis -> {
		Display display = Display.getCurrent();
		if (!display.readAndDispatch()) {
			display.timerExec((int) millis, () -> {
			});
			display.sleep();
		}
	};

	private UiTestSupport() {
	}

	/** Runs the event loop until the condition holds; fails after {@link #TIMEOUT} saying what was awaited and seen. */
	public static void waitUntil(String what, BooleanSupplier condition, Supplier<String> seen) {
		waitUntil(what, TIMEOUT, condition, seen);
	}

	/** As {@link #waitUntil(String, BooleanSupplier, Supplier)}, for things slower than usual (a training run). */
	public static void waitUntil(String what, Duration timeout, BooleanSupplier condition, Supplier<String> seen) {
		Wait.until(what, timeout, condition, seen, EVENT_LOOP);
	}

	public static void waitUntil(String what, BooleanSupplier condition) {
		waitUntil(what, condition, () -> "-");
	}
}
