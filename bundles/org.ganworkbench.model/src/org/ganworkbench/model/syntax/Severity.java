package org.ganworkbench.model.syntax;

/** How bad a {@link Problem} is; only errors make a model unusable for training. */
public enum Severity {
	ERROR, WARNING, INFO;

	/** The lower-case word used in command-line output, as compilers print it. */
	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
