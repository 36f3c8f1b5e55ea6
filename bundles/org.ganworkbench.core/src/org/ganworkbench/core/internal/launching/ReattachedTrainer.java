package org.ganworkbench.core.internal.launching;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.runtime.PlatformObject;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IStreamsProxy;
import org.eclipse.osgi.util.NLS;

/**
 * A trainer this IDE did not start: one that outlived an earlier session of the IDE. It appears in
 * the Debug view like a launched one, and Terminate sends it SIGTERM, on which the trainer writes a
 * checkpoint and ends "interrupted", as for any launch. Its output went to the earlier IDE: there is
 * no console, and its exit value is not known (the run's event log says how it ended).
 */
public final class ReattachedTrainer extends PlatformObject implements IProcess {

	/** What {@link #getExitValue()} returns: the exit status of a process we did not start is not known. */
	public static final int UNKNOWN_EXIT_VALUE = -1;

	private final ProcessHandle process;
	private final ILaunch launch;
	private final String label;
	private final Map<String, String> attributes = new HashMap<>();

	public ReattachedTrainer(ProcessHandle process, ILaunch launch, String runName) {
		this.process = process;
		this.launch = launch;
		this.label = NLS.bind(Messages.ReattachedTrainer_label, runName, Long.toString(process.pid()));
		attributes.put(IProcess.ATTR_PROCESS_TYPE, "java"); //$NON-NLS-1$
		attributes.put(IProcess.ATTR_PROCESS_ID, Long.toString(process.pid()));
		launch.addProcess(this);
		fire(DebugEvent.CREATE);
		process.onExit().thenRun(() -> fire(DebugEvent.TERMINATE));
	}

	@Override
	public String getLabel() {
		return label;
	}

	@Override
	public ILaunch getLaunch() {
		return launch;
	}

	@Override
	public IStreamsProxy getStreamsProxy() {
		return null;
	}

	@Override
	public void setAttribute(String key, String value) {
		attributes.put(key, value);
	}

	@Override
	public String getAttribute(String key) {
		return attributes.get(key);
	}

	@Override
	public int getExitValue() throws DebugException {
		if (process.isAlive()) {
			throw new DebugException(Status.error(NLS.bind(Messages.ReattachedTrainer_stillRunning, label)));
		}
		return UNKNOWN_EXIT_VALUE;
	}

	@Override
	public boolean canTerminate() {
		return process.isAlive();
	}

	@Override
	public boolean isTerminated() {
		return !process.isAlive();
	}

	/** SIGTERM: the trainer checkpoints and ends; the Debug view sees it end when the process exits. */
	@Override
	public void terminate() {
		process.destroy();
	}

	private void fire(int kind) {
		DebugPlugin plugin = DebugPlugin.getDefault();
		if (plugin != null) {
			plugin.fireDebugEventSet(new DebugEvent[] { new DebugEvent(this, kind) });
		}
	}
}
