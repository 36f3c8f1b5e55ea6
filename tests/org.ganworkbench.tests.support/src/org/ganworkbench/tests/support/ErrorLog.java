package org.ganworkbench.tests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;

/**
 * Collects the errors logged while it is open: a test that passes while the platform logs an error
 * (a failed job, an exception in a listener) is not a pass.
 */
public final class ErrorLog implements AutoCloseable {

	private final List<IStatus> errors = new ArrayList<>();
	/** Read on the logging threads, written by the test. */
	private final List<Predicate<IStatus>> tolerated = new CopyOnWriteArrayList<>();
	private final ILogListener listener = (status, plugin) -> {
		if (status.matches(IStatus.ERROR) && tolerated.stream().noneMatch(t -> t.test(status))) {
			synchronized (errors) {
				errors.add(status);
			}
		}
	};

	public ErrorLog() {
		Platform.addLogListener(listener);
	}

	/**
	 * Lets through errors that are not ours to fix, each with the reason in {@code why} (for the reader
	 * of the test); keep the predicate as narrow as the known cause.
	 */
	public void tolerate(String why, Predicate<IStatus> which) {
		tolerated.add(which);
	}

	public List<IStatus> errors() {
		synchronized (errors) {
			return List.copyOf(errors);
		}
	}

	/** Fails with every error logged so far, each with its plug-in and message. */
	public void assertNoErrors() {
		List<IStatus> seen = errors();
		assertEquals(List.of(), seen.stream().map(ErrorLog::describe).toList(),
				() -> seen.size() + " errors logged: " + seen.stream().map(ErrorLog::describe)
						.collect(Collectors.joining("; ")));
	}

	private static String describe(IStatus status) {
		Throwable exception = status.getException();
		return status.getPlugin() + ": " + status.getMessage() + (exception == null ? "" : " (" + exception + ")");
	}

	@Override
	public void close() {
		Platform.removeLogListener(listener);
	}
}
