package org.ganworkbench.trainer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.run.RunState;
import org.ganworkbench.model.run.Csv;
import org.ganworkbench.model.run.RunSummary;
import org.ganworkbench.model.run.RunSummaryCache;
import org.ganworkbench.trainer.cli.Arguments.UsageException;

/**
 * Prints every run under some folders side by side, oldest first ({@link RunSummary}): an aligned
 * table, CSV with a header row, or a JSON array. A damaged run is a row that says why, not a failure:
 * a sweep with one broken run is still worth comparing.
 */
final class CompareCommand {

	static final List<String> FORMATS = List.of("text", "csv", "json");
	private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(ZoneId.systemDefault());

	/** A column of the text table: its header, its text for a run, and whether it is a number (right-aligned). */
	private record Column(String header, Function<RunSummary, String> text, boolean numeric) {
	}

	/** The text table's columns: the most compared; CSV and JSON have every value. */
	private static final List<Column> COLUMNS = List.of(
			new Column("RUN", RunSummary::name, false),
			new Column("MODEL", RunSummary::model, false),
			new Column("STATE", r -> r.state().word(), false),
			new Column("STEP", CompareCommand::steps, true),
			new Column("BEST FD", r -> number("%.4g", r.bestFd()), true),
			new Column("AT", r -> r.bestFdStep() < 0 ? null : Long.toString(r.bestFdStep()), true),
			new Column("FD", r -> number("%.4g", r.fd()), true),
			new Column("KID", r -> number("%.4g", r.kid()), true),
			new Column("PRECISION", r -> number("%.3f", r.precision()), true),
			new Column("RECALL", r -> number("%.3f", r.recall()), true),
			new Column("IMG/S", r -> number("%.0f", r.imagesPerSecond()), true),
			new Column("BACKEND", RunSummary::backend, false),
			new Column("HOST", RunSummary::host, false),
			new Column("CREATED", r -> r.created() == null ? null : CREATED.format(r.created()), false),
			new Column("DURATION", r -> duration(r.duration()), true),
			new Column("WARNINGS", r -> r.state() == RunState.UNREADABLE ? null : Integer.toString(r.warnings()), true),
			new Column("TAGS", r -> String.join(",", r.tags()), false),
			// the last column, as it may be long: the user's note, or why a run cannot be read
			new Column("NOTE", r -> r.state() == RunState.UNREADABLE ? r.reason() : r.note(), false));

	private final PrintStream out;
	private final PrintStream err;

	CompareCommand(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	int run(Arguments args) throws UsageException, IOException {
		if (args.positional().isEmpty()) {
			throw new UsageException("compare takes one or more folders");
		}
		String format = args.option("format") == null ? FORMATS.get(0) : args.option("format");
		if (!FORMATS.contains(format)) {
			throw new UsageException("--format is " + String.join(", ", FORMATS) + "; got '" + format + "'");
		}
		List<Path> folders = new ArrayList<>();
		for (String name : args.positional()) {
			Path folder = Path.of(name);
			if (!Files.isDirectory(folder)) {
				err.println("compare: " + name + (Files.exists(folder) ? " is not a folder" : ": no such folder"));
				return ExitCode.IO_OR_DATASET;
			}
			folders.add(folder);
		}
		// folders may overlap (a sweep and one of its runs): each run once
		Map<Path, RunSummary> runs = new LinkedHashMap<>();
		RunSummaryCache summaries = new RunSummaryCache();
		for (Path folder : folders) {
			summaries.summaries(folder).forEach(run -> runs.put(run.directory(), run));
		}
		List<RunSummary> sorted = runs.values().stream().sorted(RunSummary.BY_CREATED).toList();
		switch (format) {
		case "csv" -> printCsv(sorted);
		case "json" -> printJson(sorted);
		default -> printText(sorted, args.positional());
		}
		return ExitCode.OK;
	}

	private void printText(List<RunSummary> runs, List<String> folders) {
		if (runs.isEmpty()) {
			out.println("no runs in " + String.join(", ", folders));
			return;
		}
		List<List<String>> rows = new ArrayList<>();
		rows.add(COLUMNS.stream().map(Column::header).toList());
		for (RunSummary run : runs) {
			rows.add(COLUMNS.stream().map(c -> {
				String text = c.text().apply(run);
				return text == null || text.isEmpty() ? "-" : text;
			}).toList());
		}
		int[] widths = new int[COLUMNS.size()];
		rows.forEach(row -> {
			for (int i = 0; i < widths.length; i++) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		});
		for (List<String> row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < widths.length; i++) {
				boolean last = i == widths.length - 1;
				String cell = row.get(i);
				String pad = " ".repeat(widths[i] - cell.length());
				line.append(COLUMNS.get(i).numeric() ? pad + cell : last ? cell : cell + pad).append(last ? "" : "  ");
			}
			out.println(line);
		}
	}

	/** The keys of {@link RunSummary#toJson()} as the header; tags joined by ';'. */
	private void printCsv(List<RunSummary> runs) {
		out.println(Csv.line(RunSummary.JSON_KEYS));
		for (RunSummary run : runs) {
			out.println(Csv.line(run.toJson().values().stream().map(CompareCommand::csvValue).toList()));
		}
	}

	private static String csvValue(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).collect(Collectors.joining(";"));
		}
		return value instanceof String text ? text : Json.write(value);
	}

	/** A JSON array, one run a line. */
	private void printJson(List<RunSummary> runs) {
		out.println(runs.stream().map(run -> Json.write(run.toJson())).collect(Collectors.joining(",\n", "[", "]")));
	}

	private static String steps(RunSummary run) {
		if (run.step() < 0) {
			return null;
		}
		return run.plannedSteps() > 0 ? run.step() + "/" + run.plannedSteps() : Long.toString(run.step());
	}

	private static String number(String format, double value) {
		return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : null;
	}

	/** "12s", "4m10s", "3h05m". */
	private static String duration(Duration duration) {
		if (duration == null) {
			return null;
		}
		long seconds = duration.toSeconds();
		if (seconds < 60) {
			return seconds + "s";
		}
		if (seconds < 3600) {
			return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
		}
		return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
	}
}
