package org.ganworkbench.tests.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.jobs.Job;

/** Waiting for background jobs by family, with a deadline and the jobs still running in the message. */
public final class Jobs {

	private Jobs() {
	}

	/** True once no job of the family is waiting or running. */
	public static BooleanSupplier done(Object family) {
		return () -> Job.getJobManager().find(family).length == 0;
	}

	/** The jobs of the family still there, for a failure message. */
	public static String pending(Object family) {
		return Arrays.stream(Job.getJobManager().find(family)).map(Job::getName)
				.collect(Collectors.joining(", ", "[", "]"));
	}

	/** Waits, sleeping, until every job of the family has finished (not on the UI thread: see {@link Wait.Pause}). */
	public static void join(Object family, Duration timeout) {
		join(family, timeout, Wait.SLEEP);
	}

	public static void join(Object family, Duration timeout, Wait.Pause pause) {
		Wait.until("the jobs of " + family + " finish", timeout, done(family), () -> pending(family), pause);
	}
}
