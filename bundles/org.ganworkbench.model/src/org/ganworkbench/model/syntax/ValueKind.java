package org.ganworkbench.model.syntax;

/** What a value node holds. */
public enum ValueKind {
	NUMBER, STRING, BOOLEAN, NAME, LIST,
	/** A value that could not be read; already reported. */
	INVALID
}
