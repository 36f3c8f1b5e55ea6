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
 * The run the views of one workbench window show (or the runs they compare, overlaid), and the step
 * cursor they share. Follows the newest session of the {@link RunMonitor} unless the user pinned the
 * one shown. One instance per window,
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
			if (sessions().contains(session)) {
				fireRunChanged();
			}
		}
	};
	/**
	 * Orders a replay against the polls of the same session; taken by jobs only. The UI thread reads
	 * the volatile fields and never waits for a long history to be read.
	 */
	private final Object lock = new Object();
	/** The runs shown: one, or several compared; the first is the one a single-run action takes. */
	private volatile List<Shown> shown = List.of();
	private volatile boolean pinned;
	private volatile boolean disposed;
	private volatile long cursor = LATEST;

	/** A run shown and what has been read of it. */
	private record Shown(RunSession session, RunHistory history) {
	}

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

	/** The run shown, or the first of those compared; null when none is. */
	public RunSession session() {
		List<Shown> runs = shown;
		return runs.isEmpty() ? null : runs.get(0).session();
	}

	/** The runs shown, in the order given to {@link #show(List)}. */
	public List<RunSession> sessions() {
		return shown.stream().map(Shown::session).toList();
	}

	/** Whether several runs are shown, overlaid. */
	public boolean isComparing() {
		return shown.size() > 1;
	}

	/** What the views show now of the run shown (the first one compared); empty when no run is shown. */
	public RunSnapshot snapshot() {
		List<Shown> runs = shown;
		return runs.isEmpty() ? RunSnapshot.EMPTY : runs.get(0).history().snapshot();
	}

	/** What the views show now of every run shown, in order; empty when no run is shown. */
	public List<RunSnapshot> snapshots() {
		return shown.stream().map(run -> run.history().snapshot()).toList();
	}

	/**
	 * Shows a run. Reads the events it has so far, so call it from a job for a long run; the
	 * listeners are told from the calling thread.
	 */
	public void show(RunSession newSession) {
		show(List.of(newSession));
	}

	/**
	 * Shows several runs overlaid, in this order (one run: as {@link #show(RunSession)}). Reads their
	 * events, so call it from a job; the listeners are told from the calling thread.
	 */
	public void show(List<RunSession> newSessions) {
		synchronized (lock) {
			if (disposed || newSessions.isEmpty() || newSessions.equals(sessions())) {
				return;
			}
			for (Shown old : shown) {
				old.session().removeListener(runListener);
			}
			List<Shown> next = newSessions.stream()
					.map(s -> new Shown(s, new RunHistory(s.name(), s.directory().root()))).toList();
			shown = next;
			cursor = LATEST;
			for (Shown run : next) {
				// Listen first, then read: events of a poll in between arrive twice and the history skips them.
				run.session().addListener(runListener);
				run.session().replay(run.history()::add);
			}
			if (disposed) {
				// disposed while this was reading: dispose() did not see the new sessions' listener
				next.forEach(run -> run.session().removeListener(runListener));
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
		shown.forEach(run -> run.session().removeListener(runListener));
		listeners.clear();
	}

	private void sessionAdded(RunSession added) {
		if (!pinned) {
			show(added);
		}
	}

	private void added(RunSession from, List<RunEvent> events) {
		boolean changed = false;
		synchronized (lock) {
			for (Shown run : shown) {
				changed |= run.session() == from && run.history().add(events);
			}
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
