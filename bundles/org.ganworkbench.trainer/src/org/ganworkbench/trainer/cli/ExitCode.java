package org.ganworkbench.trainer.cli;

/** The trainer's exit codes (docs/run-format.md lists them for launchers). */
public final class ExitCode {

	public static final int OK = 0;
	/** An I/O problem or an unusable dataset. */
	public static final int IO_OR_DATASET = 1;
	/** The model file has errors, or a custom layer cannot be loaded or fails. */
	public static final int INVALID_MODEL = 2;
	/** NaN or infinity in a loss or weight. */
	public static final int DIVERGED = 3;
	/** Out of memory in a step (Java heap, native, or GPU); the last checkpoint is intact. */
	public static final int OUT_OF_MEMORY = 4;
	/**
	 * A custom layer's backward disagrees with finite differences of its forward: {@code check-layer} found
	 * it, or a run's start did (status failed, nothing trained).
	 */
	public static final int GRADIENT_CHECK_FAILED = 5;
	/** The backend asked for is not the one ND4J loaded, or no GPU can run it (sysexits' EX_UNAVAILABLE). */
	public static final int BACKEND_UNAVAILABLE = 69;
	/** Command line not understood. */
	public static final int USAGE = 64;
	/** Stopped by Ctrl-C / SIGTERM after writing a checkpoint (128 + SIGINT). */
	public static final int INTERRUPTED = 130;

	private ExitCode() {
	}
}
