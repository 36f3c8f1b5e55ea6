package org.ganworkbench.ui.tests;

import java.time.Duration;

import org.eclipse.swt.widgets.Display;

/**
 * Measures how long the UI thread is kept busy: posts a task every {@value #PERIOD_MS} ms and records
 * how late each one runs. The longest delay is an upper bound of the longest task run on the UI
 * thread in between (a paint, a view update, an event handler).
 */
final class UiThreadProbe implements Runnable {

	static final int PERIOD_MS = 10;

	private final Display display;
	private boolean running;
	private long due;
	private long longest;
	private long longestAt;
	private long started;
	private int ticks;

	UiThreadProbe(Display display) {
		this.display = display;
	}

	/** UI thread. */
	void start() {
		running = true;
		started = System.nanoTime();
		schedule(started);
	}

	/** UI thread. */
	void stop() {
		running = false;
	}

	@Override
	public void run() {
		if (!running) {
			return;
		}
		long now = System.nanoTime();
		long late = now - due;
		if (late > longest) {
			longest = late;
			longestAt = now - started;
		}
		ticks++;
		schedule(now);
	}

	private void schedule(long now) {
		due = now + PERIOD_MS * 1_000_000L;
		display.timerExec(PERIOD_MS, this);
	}

	Duration longestDelay() {
		return Duration.ofNanos(longest);
	}

	@Override
	public String toString() {
		return String.format("%d probes, longest delay %.1f ms at %.1f s", ticks, longest / 1e6, longestAt / 1e9);
	}
}
