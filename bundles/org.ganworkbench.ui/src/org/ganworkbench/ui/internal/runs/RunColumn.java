package org.ganworkbench.ui.internal.runs;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

import org.eclipse.swt.SWT;
import org.ganworkbench.model.run.RunState;
import org.ganworkbench.model.run.RunSummary;

/**
 * The Runs view's columns: header, width, the cell's text and the order a click on the header sorts
 * by. The CSV export writes the same texts, so the file says what the table shows.
 */
enum RunColumn {

	NAME(Messages.RunColumn_name, 180, SWT.LEFT, RunSummary::name, Comparator.comparing(RunSummary::name)),
	MODEL(Messages.RunColumn_model, 130, SWT.LEFT, r -> text(r.model()), Comparator.comparing(r -> text(r.model()))),
	STATE(Messages.RunColumn_state, 110, SWT.LEFT, r -> r.state().word(), Comparator.comparing(RunSummary::state)),
	STEP(Messages.RunColumn_step, 100, SWT.RIGHT, RunColumn::steps, Comparator.comparingLong(RunSummary::step)),
	BEST_FD(Messages.RunColumn_bestFd, 110, SWT.RIGHT, RunColumn::bestFd, byNumber(RunSummary::bestFd)),
	FD(Messages.RunColumn_fd, 70, SWT.RIGHT, r -> number(r.fd(), 2), byNumber(RunSummary::fd)),
	KID(Messages.RunColumn_kid, 90, SWT.RIGHT, r -> number(r.kid(), 4), byNumber(RunSummary::kid)),
	PRECISION(Messages.RunColumn_precision, 70, SWT.RIGHT, r -> number(r.precision(), 3), byNumber(RunSummary::precision)),
	RECALL(Messages.RunColumn_recall, 70, SWT.RIGHT, r -> number(r.recall(), 3), byNumber(RunSummary::recall)),
	IMAGES_PER_SECOND(Messages.RunColumn_imagesPerSecond, 80, SWT.RIGHT, r -> number(r.imagesPerSecond(), 1),
			byNumber(RunSummary::imagesPerSecond)),
	BACKEND(Messages.RunColumn_backend, 70, SWT.LEFT, r -> text(r.backend()), Comparator.comparing(r -> text(r.backend()))),
	HOST(Messages.RunColumn_host, 90, SWT.LEFT, r -> text(r.host()), Comparator.comparing(r -> text(r.host()))),
	CREATED(Messages.RunColumn_created, 130, SWT.LEFT, RunColumn::created, RunSummary.BY_CREATED),
	DURATION(Messages.RunColumn_duration, 80, SWT.RIGHT, r -> duration(r.duration()),
			Comparator.comparing(RunSummary::duration, Comparator.nullsFirst(Comparator.naturalOrder()))),
	WARNINGS(Messages.RunColumn_warnings, 70, SWT.RIGHT, r -> Integer.toString(r.warnings()),
			Comparator.comparingInt(RunSummary::warnings)),
	TAGS(Messages.RunColumn_tags, 120, SWT.LEFT, r -> String.join(", ", r.tags()), //$NON-NLS-1$
			Comparator.comparing(r -> String.join(",", r.tags()))); //$NON-NLS-1$

	private static final DateTimeFormatter CREATED_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm") //$NON-NLS-1$
			.withZone(ZoneId.systemDefault());

	final String header;
	final int width;
	final int alignment;
	final Function<RunSummary, String> text;
	final Comparator<RunSummary> order;

	RunColumn(String header, int width, int alignment, Function<RunSummary, String> text, Comparator<RunSummary> order) {
		this.header = header;
		this.width = width;
		this.alignment = alignment;
		this.text = text;
		this.order = order;
	}

	/** An unreadable run shows its reason in the state column's tooltip; its values are empty. */
	String text(RunSummary run) {
		return run.state() == RunState.UNREADABLE && this != NAME && this != STATE ? "" : text.apply(run); //$NON-NLS-1$
	}

	private static String text(String value) {
		return value == null ? "" : value; //$NON-NLS-1$
	}

	private static String steps(RunSummary run) {
		return run.plannedSteps() > 0 ? run.step() + " / " + run.plannedSteps() : Long.toString(run.step()); //$NON-NLS-1$
	}

	private static String bestFd(RunSummary run) {
		return Double.isNaN(run.bestFd()) ? "" : number(run.bestFd(), 2) + " @ " + run.bestFdStep(); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private static String number(double value, int decimals) {
		return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%." + decimals + "f", value); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	private static String created(RunSummary run) {
		return run.created() == null ? "" : CREATED_FORMAT.format(run.created()); //$NON-NLS-1$
	}

	private static String duration(Duration duration) {
		if (duration == null) {
			return ""; //$NON-NLS-1$
		}
		long seconds = duration.toSeconds();
		return seconds < 3600 ? String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60) //$NON-NLS-1$
				: String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60); //$NON-NLS-1$
	}

	/** Numbers low to high, runs without the value last. */
	private static Comparator<RunSummary> byNumber(java.util.function.ToDoubleFunction<RunSummary> value) {
		return (a, b) -> {
			double x = value.applyAsDouble(a), y = value.applyAsDouble(b);
			if (Double.isNaN(x) || Double.isNaN(y)) {
				return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
			}
			return Double.compare(x, y);
		};
	}
}
