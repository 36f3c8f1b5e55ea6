package org.ganworkbench.core.runs.history;

/**
 * Something the user must see: a warning event of the trainer (kind "nan", "collapse",
 * "overfitting", "sigma_growth", ...), a failed status, or a value the views found not finite.
 * The layer is "G/name" or "D/name" when the warning is about one layer, else null.
 */
public record RunWarning(long step, String kind, String message, String layer) {

	public static final String KIND_FAILED = "failed"; //$NON-NLS-1$
	public static final String KIND_NOT_FINITE = "not_finite"; //$NON-NLS-1$
	public static final String KIND_SIGMA_GROWTH = "sigma_growth"; //$NON-NLS-1$
}
