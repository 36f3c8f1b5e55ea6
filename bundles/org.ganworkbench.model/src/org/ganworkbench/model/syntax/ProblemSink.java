package org.ganworkbench.model.syntax;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;


/**
 * Collects problems and turns offsets into line and column. Offsets are clamped into the source, so
 * no reported position can point outside the file whatever the input. It keeps only the first
 * {@link #MAX_PROBLEMS} problems in file order (a heap of that size, so a file with
 * millions of problems costs no more memory than one with a hundred) and counts the rest.
 */
public final class ProblemSink {

	/** Problems reported per file at most, followed by one that counts the rest (the editor's markers too). */
	public static final int MAX_PROBLEMS = 100;

	/** Longer messages are cut: a safety net behind {@link Snippet}, which keeps user text short. */
	private static final int MAX_MESSAGE = 1000;
	private static final Comparator<Entry> FILE_ORDER = Comparator.comparingInt(Entry::offset).thenComparingLong(Entry::sequence);

	private final String source;
	private final int[] lineStarts;
	private final boolean replacementsReported;
	/** The earliest problems, the latest of them on top, one more than shown to place the summary. */
	private final PriorityQueue<Entry> earliest = new PriorityQueue<>(FILE_ORDER.reversed());
	private long count;
	private long errors;
	/** The index into lineStarts that {@link #lineOf} found last. */
	private int lastLine;

	public ProblemSink(String source) {
		this(source, false);
	}

	/**
	 * @param replacementsReported true when the source was decoded from bytes by {@code ModelDocument.read},
	 *        which reported every U+FFFD in it already, so the lexer passes over them quietly
	 */
	public ProblemSink(String source, boolean replacementsReported) {
		this.source = source;
		this.lineStarts = lineStarts(source);
		this.replacementsReported = replacementsReported;
	}

	/** String.indexOf rather than a loop over the characters: it is several times faster on a 10 MB file. */
	private static int[] lineStarts(String source) {
		int count = 1;
		for (int at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) {
			count++;
		}
		int[] starts = new int[count];
		int line = 1;
		for (int at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) {
			starts[line++] = at + 1;
		}
		return starts;
	}

	public int lineOf(int offset) {
		// Layers are built in file order: their offsets fall on the last line found or the next one.
		int last = lastLine;
		for (int line = last; line <= last + 1 && line < lineStarts.length; line++) {
			if (lineStarts[line] <= offset && (line + 1 == lineStarts.length || offset < lineStarts[line + 1])) {
				lastLine = line;
				return line + 1;
			}
		}
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
		lastLine = low;
		return low + 1;
	}

	/** 1-based; a byte order mark at the start of the file does not count as a column. */
	public int columnOf(int offset) {
		int line = lineOf(offset);
		int column = offset - lineStarts[line - 1] + 1;
		return line == 1 && offset > 0 && source.charAt(0) == '\uFEFF' ? column - 1 : column;
	}

	public void report(Severity severity, int offset, int length, String message) {
		int start = Math.max(0, Math.min(offset, source.length()));
		int len = Math.max(0, Math.min(length, source.length() - start));
		count++;
		if (severity == Severity.ERROR) {
			errors++;
		}
		Entry entry = new Entry(severity, start, len, message, count);
		if (earliest.size() <= MAX_PROBLEMS) {
			earliest.add(entry);
		} else if (FILE_ORDER.compare(entry, earliest.peek()) < 0) {
			earliest.poll();
			earliest.add(entry);
		}
	}

	/**
	 * Counts errors that lie after more than {@link #MAX_PROBLEMS} reported ones, so
	 * they could never be shown: the summary counts them without their being built.
	 */
	public void countUnshownErrors(long number) {
		count += number;
		errors += number;
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

	/**
	 * The problems in file order: at most {@link #MAX_PROBLEMS}, then, when there were
	 * more, one "N more problems not shown" at the first of them (an error if any of them is one).
	 */
	public List<Problem> problems() {
		List<Entry> sorted = new ArrayList<>(earliest);
		sorted.sort(FILE_ORDER);
		List<Problem> shown = new ArrayList<>();
		long shownErrors = 0;
		for (Entry entry : sorted.subList(0, Math.min(sorted.size(), MAX_PROBLEMS))) {
			shown.add(problem(entry.severity(), entry.offset(), entry.length(), entry.message()));
			shownErrors += entry.severity() == Severity.ERROR ? 1 : 0;
		}
		if (count > shown.size()) {
			Entry first = sorted.get(shown.size());
			shown.add(problem(errors > shownErrors ? Severity.ERROR : Severity.WARNING, first.offset(), 0,
					String.format(Locale.ROOT, "%,d more problems not shown", count - shown.size())));
		}
		return shown;
	}

	private Problem problem(Severity severity, int offset, int length, String message) {
		String text = Snippet.escaped(message);
		if (text.length() > MAX_MESSAGE) {
			text = text.substring(0, MAX_MESSAGE) + "...";
		}
		return new Problem(severity, lineOf(offset), columnOf(offset), offset, length, text);
	}

	/** Whether any problem was reported, shown or not. */
	public boolean isEmpty() {
		return count == 0;
	}

	public boolean hasErrors() {
		return errors > 0;
	}

	public String source() {
		return source;
	}

	/** See {@link #ProblemSink(String, boolean)}. */
	public boolean replacementsReported() {
		return replacementsReported;
	}

	private record Entry(Severity severity, int offset, int length, String message, long sequence) {
	}
}
