package org.ganworkbench.trainer.data;

/**
 * A dataset that cannot be used, with a message for the user that names the file and what is wrong
 * with it. Raised while opening, before any training step runs.
 */
public final class DatasetException extends Exception {

	private static final long serialVersionUID = 1L;

	public DatasetException(String message) {
		super(message);
	}

	public DatasetException(String message, Throwable cause) {
		super(message, cause);
	}
}
