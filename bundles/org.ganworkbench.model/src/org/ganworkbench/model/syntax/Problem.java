package org.ganworkbench.model.syntax;

/**
 * One problem found in a model file. Line and column are 1-based (a tab counts as one column),
 * offset is the 0-based character index and length the number of characters it covers, so an
 * editor can underline the range and the Problems view can show the line.
 */
public record Problem(Severity severity, int line, int column, int offset, int length, String message) {

	@Override
	public String toString() {
		return line + ":" + column + ": " + severity.label() + ": " + message;
	}
}
