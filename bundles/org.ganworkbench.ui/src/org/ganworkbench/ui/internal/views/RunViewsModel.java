package org.ganworkbench.ui.internal.views;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.services.IDisposable;
import org.ganworkbench.core.runs.RunListener;
import org.ganworkbench.core.runs.RunMonitor;
import org.ganworkbench.core.runs.RunSession;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.core.runs.history.RunHistory;
import org.ganworkbench.core.runs.history.RunSnapshot;

/**
 * The run the views of one workbench window show, and the step cursor they share. Follows the newest
 * session of the {@link RunMonitor} unless the user pinned the one shown. One instance per window,
 * made by {@link RunViewsModelFactory}: views ask their site for it.
 */
public final class RunViewsModel implements IDisposable {

	/** The cursor value that means "the latest step". */
	public static final long LATEST = -1;

	/** Told about changes of the run shown. */
	public interface Listener {
		/** A run was shown, or the one shown got events or ended. From any thread. */
		void runChanged();

		/** The shared step cursor moved ({@link #LATEST} to follow the run). On the UI thread. */
		default void cursorChanged(long step) {
		}
	}

	private final RunMonitor monitor;
	private final ListenerList<Listener> listeners = new ListenerList<>();
	private final RunMonitor.SessionListener sessionListener = this::sessionAdded;
	private final RunListener runListener = new RunListener() {
		@Override
		public void eventsAdded(RunSession session, List<RunEvent> events) {
			added(session, events);
		}

		@Override
		public void sessionEnded(RunSession session) {
			if (session == session()) {
				fireRunChanged();
			}
		}
	};
	/**
	 * Orders a replay against the polls of the same session; taken by jobs only. The UI thread reads
	 * the volatile fields and never waits for a long history to be read.
	 */
	private final Object lock = new Object();
	private volatile RunSession session;
	private volatile RunHistory history;
	private volatile boolean pinned;
	private volatile boolean disposed;
	private volatile long cursor = LATEST;

	/** @param monitor the IDE's run monitor; null shows nothing (core not started) */
	public RunViewsModel(RunMonitor monitor) {
		this.monitor = monitor;
		if (monitor != null) {
			monitor.addSessionListener(sessionListener);
			RunSession newest = newest(monitor.sessions());
			if (newest != null) {
				// Reading a long history must not hold up the view that asked for this model.
				Job job = Job.create(Messages.RunViewsModel_loadJob, m -> {
					if (session() == null) {
						show(newest);
					}
				});
				job.setSystem(true);
				job.schedule();
			}
		}
	}

	public RunSession session() {
		return session;
	}

	/** What the views show now; empty when no run is shown. */
	public RunSnapshot snapshot() {
		RunHistory shown = history;
		return shown == null ? RunSnapshot.EMPTY : shown.snapshot();
	}

	/**
	 * Shows a run. Reads the events it has so far, so call it from a job for a long run; the
	 * listeners are told from the calling thread.
	 */
	public void show(RunSession newSession) {
		synchronized (lock) {
			if (disposed || newSession == session) {
				return;
			}
			if (session != null) {
				session.removeListener(runListener);
			}
			history = new RunHistory(newSession.name(), newSession.directory().root());
			session = newSession;
			cursor = LATEST;
			// Listen first, then read: events of a poll in between arrive twice and the history skips them.
			newSession.addListener(runListener);
			newSession.replay(history::add);
			if (disposed) {
				// disposed while this was reading: dispose() did not see the new session's listener
				newSession.removeListener(runListener);
				return;
			}
		}
		fireRunChanged();
	}

	public boolean isPinned() {
		return pinned;
	}

	/** A pinned run stays shown when a new one starts. */
	public void setPinned(boolean pinned) {
		this.pinned = pinned;
		fireRunChanged();
	}

	public long cursor() {
		return cursor;
	}

	/** Moves the shared cursor; UI thread. */
	public void setCursor(long step) {
		if (step == cursor) {
			return;
		}
		cursor = step;
		for (Listener listener : listeners) {
			listener.cursorChanged(step);
		}
	}

	public void addListener(Listener listener) {
		listeners.add(listener);
	}

	public void removeListener(Listener listener) {
		listeners.remove(listener);
	}

	@Override
	public void dispose() {
		disposed = true;
		if (monitor != null) {
			monitor.removeSessionListener(sessionListener);
		}
		RunSession shown = session;
		if (shown != null) {
			shown.removeListener(runListener);
		}
		listeners.clear();
	}

	private void sessionAdded(RunSession added) {
		if (!pinned) {
			show(added);
		}
	}

	private void added(RunSession from, List<RunEvent> events) {
		boolean changed;
		synchronized (lock) {
			changed = from == session && history.add(events);
		}
		if (changed) {
			fireRunChanged();
		}
	}

	private void fireRunChanged() {
		for (Listener listener : listeners) {
			listener.runChanged();
		}
	}

	/** A live session if there is one, else the one whose log changed last. */
	private static RunSession newest(List<RunSession> sessions) {
		return sessions.stream().max(Comparator.comparing(RunSession::isLive).thenComparing(RunViewsModel::lastWrite))
				.orElse(null);
	}

	private static FileTime lastWrite(RunSession session) {
		try {
			return Files.getLastModifiedTime(session.directory().events());
		} catch (IOException e) {
			return FileTime.fromMillis(0);
		}
	}
}
