package org.ganworkbench.tests.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting for a condition instead of sleeping a fixed time. A timeout fails the test with what was
 * awaited and what was last seen, so a slow machine gives a message, not a mystery.
 */
public final class Wait {

	/** How the waiting thread passes a little time: sleeping, or running the UI's event loop. */
	@FunctionalInterface
	public interface Pause {
		void pause(long millis) throws InterruptedException;
	}

	/** For threads that have no event loop to run. */
	public static final Pause SLEEP = Thread::sleep;

	/** Checks this often, so that a condition is seen soon after it holds. */
	public static final long POLL_MILLIS = 20;

	private Wait() {
	}

	public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> seen,
			Pause pause) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("Timed out after " + timeout.toSeconds() + " s waiting until " + what + "; last seen: "
						+ seen.get());
			}
			try {
				pause.pause(POLL_MILLIS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				fail("Interrupted waiting until " + what);
			}
		}
	}

	/** As {@link #until(String, Duration, BooleanSupplier, Supplier, Pause)}, sleeping between checks. */
	public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> seen) {
		until(what, timeout, condition, seen, SLEEP);
	}
}
