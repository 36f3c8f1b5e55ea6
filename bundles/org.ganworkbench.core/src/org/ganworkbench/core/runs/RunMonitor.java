package org.ganworkbench.core.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.ListenerList;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchesListener2;
import org.ganworkbench.core.launching.GanLaunchConstants;

/**
 * Follows runs: every GAN Training launch (through the launch manager) and every run directory
 * opened by hand. A background job polls the event logs of live runs; nothing here runs on the UI
 * thread. One instance lives per IDE: the core bundle's Declarative Services component.
 */
public final class RunMonitor implements ILaunchesListener2 {

	/** Told when a session starts (a launch, or an old run opened). */
	public interface SessionListener {
		void sessionAdded(RunSession session);
	}

	private static final long POLL_MILLIS = 300;

	private final Map<Path, RunSession> sessions = new ConcurrentHashMap<>();
	private final Map<ILaunch, RunSession> launches = new ConcurrentHashMap<>();
	private final ListenerList<SessionListener> listeners = new ListenerList<>();
	private final Job poller = new Job(Messages.RunMonitor_pollJob) {
		@Override
		protected IStatus run(IProgressMonitor monitor) {
			for (RunSession session : launches.values()) {
				try {
					session.poll();
				} catch (IOException e) {
					// The trainer may be between files; the next poll tries again.
				}
			}
			if (!launches.isEmpty() && !monitor.isCanceled()) {
				schedule(POLL_MILLIS);
			}
			return Status.OK_STATUS;
		}
	};

	public RunMonitor() {
		poller.setSystem(true);
	}

	public void start() {
		DebugPlugin.getDefault().getLaunchManager().addLaunchListener(this);
	}

	public void stop() {
		DebugPlugin.getDefault().getLaunchManager().removeLaunchListener(this);
		poller.cancel();
	}

	public void addSessionListener(SessionListener listener) {
		listeners.add(listener);
	}

	public void removeSessionListener(SessionListener listener) {
		listeners.remove(listener);
	}

	/** Every session seen since the IDE started, live or replayed. */
	public List<RunSession> sessions() {
		return List.copyOf(sessions.values());
	}

	/** The session of a launch, or null when the launch is not a GAN Training one. */
	public RunSession sessionOf(ILaunch launch) {
		return launches.get(launch);
	}

	/**
	 * Opens a run directory written earlier (by a headless trainer, or before an IDE restart): its
	 * state from the end of the log; views replay its events. Reads in the calling thread: call it
	 * from a job.
	 */
	public RunSession open(Path runDirectory) throws IOException {
		Path key = runDirectory.toAbsolutePath().normalize();
		RunSession session = sessions.get(key);
		if (session != null) {
			return session;
		}
		session = new RunSession(key, false);
		session.readFinalStatus();
		sessions.put(key, session);
		fireAdded(session);
		return session;
	}

	@Override
	public void launchesAdded(ILaunch[] added) {
		for (ILaunch launch : added) {
			String directory = launch.getAttribute(GanLaunchConstants.LAUNCH_RUN_DIRECTORY);
			if (directory == null) {
				continue;
			}
			RunSession session = new RunSession(Path.of(directory).toAbsolutePath().normalize(), true);
			sessions.put(session.directory().root(), session);
			launches.put(launch, session);
			fireAdded(session);
			poller.schedule();
		}
	}

	@Override
	public void launchesTerminated(ILaunch[] terminated) {
		for (ILaunch launch : terminated) {
			RunSession session = launches.remove(launch);
			if (session != null) {
				session.end();
			}
		}
	}

	@Override
	public void launchesRemoved(ILaunch[] removed) {
		launchesTerminated(removed);
	}

	@Override
	public void launchesChanged(ILaunch[] changed) {
		// The delegate sets the run directory attribute before the process starts; a launch seen
		// before that shows up here.
		for (ILaunch launch : changed) {
			if (!launches.containsKey(launch) && !launch.isTerminated()) {
				launchesAdded(new ILaunch[] { launch });
			}
		}
	}

	private void fireAdded(RunSession session) {
		for (SessionListener listener : listeners) {
			listener.sessionAdded(session);
		}
	}
}
