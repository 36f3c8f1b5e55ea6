package org.ganworkbench.core.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.ListenerList;
import org.ganworkbench.model.run.EventLogReader;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.model.run.RunState;

/**
 * One run as the IDE follows it: how far its event log has been read, and the listeners
 * that want the new ones. The same class serves a live launch and a replay of an old run directory.
 */
public final class RunSession {

	/** The final status is the trainer's last line, or nearly: events appended later (quality) are few. */
	private static final int STATUS_TAIL_BYTES = 256 << 10;

	private final RunDirectory directory;
	private final EventLogReader reader;
	private final ListenerList<RunListener> listeners = new ListenerList<>();
	private volatile boolean live;
	private volatile String lastStatus;

	RunSession(Path directory, boolean live) {
		this.directory = new RunDirectory(directory);
		this.reader = new EventLogReader(this.directory.events());
		this.live = live;
	}

	public RunDirectory directory() {
		return directory;
	}

	public String name() {
		return directory.root().getFileName().toString();
	}

	public boolean isLive() {
		return live;
	}

	/** How the run stands, by the rule the Runs view and {@code compare} share. */
	public RunState state() {
		return RunState.of(lastStatus, live);
	}

	/**
	 * Every event of the run so far, oldest first, read again from the run directory: the session keeps
	 * no events in memory (a long run has millions), listeners keep what they need. Call it from a
	 * job; it may return events that listeners are told about again by the next poll.
	 */
	public List<RunEvent> events() {
		List<RunEvent> all = new ArrayList<>();
		replay(all::addAll);
		return all;
	}

	/**
	 * The events of the run so far, as {@link #events()}, handed over batch by batch: a long run's
	 * events never all sit in memory at once.
	 */
	public void replay(Consumer<List<RunEvent>> batches) {
		try {
			directory.readEvents(batches);
		} catch (IOException e) {
			// The directory went away; what was handed over stays.
		}
	}

	/** Lines of the log that could not be read (garbled, not a half-written last line). */
	public List<String> problems() {
		return reader.problems();
	}

	public void addListener(RunListener listener) {
		listeners.add(listener);
	}

	public void removeListener(RunListener listener) {
		listeners.remove(listener);
	}

	/**
	 * Reads what the trainer appended since the last poll, to the end of the log as it is now, and tells
	 * the listeners batch by batch (the reader caps a batch; an old run's log may hold millions of events).
	 */
	public void poll() throws IOException {
		reader.readAll(added -> {
			for (RunEvent event : added) {
				if (RunEvent.STATUS.equals(event.type())) {
					lastStatus = event.text("state"); //$NON-NLS-1$
				}
			}
			for (RunListener listener : listeners) {
				listener.eventsAdded(this, added);
			}
		});
	}

	/**
	 * For a run that ended before it was opened: its final status, taken from the end of the log (the
	 * views replay the events themselves, so the whole log need not be parsed twice). When the tail
	 * holds no status (a trainer killed long after its "running"), reads the whole log as a poll does.
	 */
	void readFinalStatus() throws IOException {
		RunEvent status = EventLogReader.lastInTail(directory.events(), RunEvent.STATUS, STATUS_TAIL_BYTES);
		if (status != null) {
			lastStatus = status.text("state"); //$NON-NLS-1$
		} else {
			poll();
		}
	}

	/** The trainer has ended: read what it wrote last, then tell the listeners. */
	void end() {
		try {
			poll();
		} catch (IOException e) {
			// The directory went away; what was read stays.
		}
		live = false;
		for (RunListener listener : listeners) {
			listener.sessionEnded(this);
		}
	}
}
