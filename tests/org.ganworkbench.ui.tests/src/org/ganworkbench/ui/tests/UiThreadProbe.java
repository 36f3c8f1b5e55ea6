package org.ganworkbench.ui.tests;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.swt.widgets.Display;

/**
 * Measures how long the UI thread is kept busy: posts a task every {@value #PERIOD_MS} ms and records
 * how late each one runs, and how much CPU time the UI thread used in between. The largest CPU time
 * is an upper bound of the longest task the UI thread ran (a paint, a view update, an event
 * handler); the largest delay also counts the time it waited for a core or for the garbage
 * collector. A watcher thread samples what the UI thread does while a probe is late, for the report.
 */
public final class UiThreadProbe implements Runnable {

	public static final int PERIOD_MS = 10;
	/** A probe this late has the watcher sample the UI thread's stack. */
	private static final long SAMPLE_AFTER_NANOS = 20_000_000L;
	private static final int REPORTED_FRAMES = 5;

	private final Display display;
	private final Thread uiThread;
	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
	private final Map<String, Integer> samples = new HashMap<>();
	private volatile boolean running;
	private volatile long due;
	private long lastCpu;
	private long longestDelay;
	private long longestBusy;
	private int ticks;

	public UiThreadProbe(Display display) {
		this.display = display;
		this.uiThread = display.getThread();
	}

	/** UI thread. */
	public void start() {
		running = true;
		lastCpu = threads.getCurrentThreadCpuTime();
		schedule(System.nanoTime());
		Thread watcher = new Thread(this::watch, "UI thread probe watcher");
		watcher.setDaemon(true);
		watcher.start();
	}

	/** UI thread. */
	public void stop() {
		running = false;
	}

	@Override
	public void run() {
		if (!running) {
			return;
		}
		long now = System.nanoTime();
		long cpu = threads.getCurrentThreadCpuTime();
		longestDelay = Math.max(longestDelay, now - due);
		// The probe's own period is idle time; whatever CPU time exceeds it was spent on tasks.
		longestBusy = Math.max(longestBusy, cpu - lastCpu);
		lastCpu = cpu;
		ticks++;
		schedule(now);
	}

	private void schedule(long now) {
		due = now + PERIOD_MS * 1_000_000L;
		display.timerExec(PERIOD_MS, this);
	}

	private void watch() {
		while (running) {
			if (System.nanoTime() - due > SAMPLE_AFTER_NANOS) {
				StackTraceElement[] stack = uiThread.getStackTrace();
				String frame = stack.length == 0 ? "-" : ours(stack);
				synchronized (samples) {
					samples.merge(frame, 1, Integer::sum);
				}
			}
			try {
				Thread.sleep(2);
			} catch (InterruptedException e) {
				return;
			}
		}
	}

	/** The innermost frame of GAN Workbench code, else the innermost frame. */
	private static String ours(StackTraceElement[] stack) {
		for (StackTraceElement frame : stack) {
			if (frame.getClassName().startsWith("org.ganworkbench.") && !frame.getClassName().contains(".tests.")) {
				return frame.toString();
			}
		}
		return stack[0].toString();
	}

	/** The most CPU time the UI thread spent between two probes. */
	public Duration longestBusy() {
		return Duration.ofNanos(longestBusy);
	}

	/** The latest a probe ran. */
	public Duration longestDelay() {
		return Duration.ofNanos(longestDelay);
	}

	@Override
	public String toString() {
		String busyIn;
		synchronized (samples) {
			busyIn = samples.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
					.limit(REPORTED_FRAMES).map(e -> e.getValue() + "x " + e.getKey())
					.collect(Collectors.joining("\n\t", "\n\t", ""));
		}
		return String.format("%d probes, longest busy %.1f ms, longest delay %.1f ms; UI thread while late:%s", ticks,
				longestBusy / 1e6, longestDelay / 1e6, busyIn);
	}
}
