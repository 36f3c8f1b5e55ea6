package org.ganworkbench.model.syntax;

/** Anything with a source range. */
public interface Node {

	int offset();

	int length();

	default int end() {
		return offset() + length();
	}
}
