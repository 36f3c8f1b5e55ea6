package org.ganworkbench.sweep.plan;

/**
 * A trial's line in sweep.json: its state (pending, running, finished, diverged, failed, interrupted,
 * pruned), how far it trained, its best objective (null before the first) and why it ended when it
 * did not finish.
 */
public record TrialRecord(Trial trial, String state, long step, Double objective, String message) {

	public static final String PENDING = "pending";
	public static final String RUNNING = "running";
	public static final String FINISHED = "finished";
	public static final String DIVERGED = "diverged";
	public static final String FAILED = "failed";
	public static final String INTERRUPTED = "interrupted";
	public static final String PRUNED = "pruned";

	/** Nothing left to do for the trial: running the sweep again leaves it as it is. */
	public boolean done() {
		return state.equals(FINISHED) || state.equals(DIVERGED) || state.equals(PRUNED);
	}
}
