package org.ganworkbench.core.runs;

import java.util.List;

import org.ganworkbench.model.run.RunEvent;

/**
 * Told about a run's new events. Called from a background job, never the UI thread: views record
 * what changed and repaint through a throttle.
 */
public interface RunListener {

	void eventsAdded(RunSession session, List<RunEvent> events);

	/** The trainer process ended (finished, stopped, failed or killed), or a replay was read to its end. */
	default void sessionEnded(RunSession session) {
	}
}
