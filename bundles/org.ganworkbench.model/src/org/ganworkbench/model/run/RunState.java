package org.ganworkbench.model.run;

import java.util.Locale;

/**
 * How a run stands: from the last {@code status} event of its log and from whether its trainer is
 * still alive. One rule for the IDE's live sessions and for summaries read from disk, so that a view
 * and {@code compare} never disagree about a run.
 */
public enum RunState {
	/** The log's last status says running or resumed (or there is none yet), and the trainer may be at work. */
	RUNNING,
	FINISHED,
	/** Stopped by the user (Terminate, Ctrl-C): the trainer wrote a checkpoint first. */
	INTERRUPTED,
	/** A NaN or infinity stopped training; the last checkpoint is the last good state. */
	DIVERGED,
	FAILED,
	/** The trainer ended without saying so (killed): the run directory still holds everything written. */
	ENDED_WITHOUT_STATUS,
	/** Not a run this reader can read: half-written, of a newer format, or damaged (a summary says why). */
	UNREADABLE;

	/**
	 * The state by the last status event's {@code state} (null: none yet) and whether the trainer is
	 * alive. A state word this reader does not know counts as a run still under way.
	 */
	public static RunState of(String lastStatus, boolean trainerAlive) {
		RunState logged = lastStatus == null ? RUNNING : switch (lastStatus) {
		case "finished" -> FINISHED;
		case "interrupted" -> INTERRUPTED;
		case "diverged" -> DIVERGED;
		case "failed" -> FAILED;
		default -> RUNNING;
		};
		return logged == RUNNING && !trainerAlive ? ENDED_WITHOUT_STATUS : logged;
	}

	/** Whether the run can still change: only a running one can (an unreadable one may be completed, too). */
	public boolean ended() {
		return this != RUNNING && this != UNREADABLE;
	}

	/** Lower case, for tables and JSON: "finished", "ended without status". */
	public String word() {
		return name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	/** The state of a {@link #word()}, or null. */
	public static RunState ofWord(String word) {
		for (RunState state : values()) {
			if (state.word().equals(word)) {
				return state;
			}
		}
		return null;
	}
}
