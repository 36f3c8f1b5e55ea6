package org.ganworkbench.trainer.train;

/** Training produced NaN or infinity; the message says at which step and where. */
public final class DivergedException extends Exception {

	private static final long serialVersionUID = 1L;
	private final long step;
	private final String where;

	public DivergedException(long step, String where) {
		super("training diverged at step " + step + ": " + where + " is NaN or infinite");
		this.step = step;
		this.where = where;
	}

	public long step() {
		return step;
	}

	public String where() {
		return where;
	}
}
