package org.ganworkbench.model.syntax;

import java.util.ArrayList;
import java.util.List;

import org.ganworkbench.model.Problem;
import org.ganworkbench.model.Severity;

/**
 * Collects problems and turns offsets into line and column. Offsets are clamped into the source, so
 * no reported position can point outside the file whatever the input.
 */
public final class ProblemSink {

	private final String source;
	private final int[] lineStarts;
	private final List<Problem> problems = new ArrayList<>();

	public ProblemSink(String source) {
		this.source = source;
		this.lineStarts = lineStarts(source);
	}

	private static int[] lineStarts(String source) {
		int count = 1;
		for (int i = 0; i < source.length(); i++) {
			if (source.charAt(i) == '\n') {
				count++;
			}
		}
		int[] starts = new int[count];
		int line = 1;
		for (int i = 0; i < source.length(); i++) {
			if (source.charAt(i) == '\n') {
				starts[line++] = i + 1;
			}
		}
		return starts;
	}

	public int lineOf(int offset) {
		int low = 0;
		int high = lineStarts.length - 1;
		while (low < high) {
			int mid = (low + high + 1) >>> 1;
			if (lineStarts[mid] <= offset) {
				low = mid;
			} else {
				high = mid - 1;
			}
		}
		return low + 1;
	}

	public int columnOf(int offset) {
		return offset - lineStarts[lineOf(offset) - 1] + 1;
	}

	public void report(Severity severity, int offset, int length, String message) {
		int start = Math.max(0, Math.min(offset, source.length()));
		int len = Math.max(0, Math.min(length, source.length() - start));
		problems.add(new Problem(severity, lineOf(start), columnOf(start), start, len, message));
	}

	public void error(int offset, int length, String message) {
		report(Severity.ERROR, offset, length, message);
	}

	public void error(Node node, String message) {
		error(node.offset(), node.length(), message);
	}

	public void warning(Node node, String message) {
		report(Severity.WARNING, node.offset(), node.length(), message);
	}

	public List<Problem> problems() {
		return problems;
	}

	public boolean hasErrors() {
		return problems.stream().anyMatch(p -> p.severity() == org.ganworkbench.model.Severity.ERROR);
	}

	public String source() {
		return source;
	}
}
