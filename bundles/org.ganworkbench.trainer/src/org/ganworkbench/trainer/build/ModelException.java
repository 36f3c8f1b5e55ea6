package org.ganworkbench.trainer.build;

/** A model that cannot be trained: errors in the file, or layers that cannot be built. */
public final class ModelException extends Exception {

	private static final long serialVersionUID = 1L;

	public ModelException(String message) {
		super(message);
	}

	public ModelException(String message, Throwable cause) {
		super(message, cause);
	}
}
