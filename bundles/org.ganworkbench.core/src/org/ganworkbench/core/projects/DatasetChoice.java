package org.ganworkbench.core.projects;

/** Where a new model's training images come from; the names are the model format's {@code data.source}. */
public enum DatasetChoice {
	SYNTHETIC("synthetic"), //$NON-NLS-1$
	FASHION_MNIST("fashion_mnist"), //$NON-NLS-1$
	IMAGE_FOLDER("image_folder"); //$NON-NLS-1$

	private final String source;

	DatasetChoice(String source) {
		this.source = source;
	}

	/** The value of {@code data.source} in a model file. */
	public String source() {
		return source;
	}
}
