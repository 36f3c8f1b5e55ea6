package org.ganworkbench.trainer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ganworkbench.model.run.EventLogReader;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.trainer.cli.Arguments.UsageException;
import org.ganworkbench.trainer.run.RunDescription;

/** Prints what a run directory holds: description, state, last metrics, warnings, checkpoints. */
final class InfoCommand {

	private final PrintStream out;

	InfoCommand(PrintStream out) {
		this.out = out;
	}

	int run(Arguments args) throws UsageException, IOException {
		if (args.positional().size() != 1) {
			throw new UsageException("info takes one run directory");
		}
		RunDirectory run = new RunDirectory(Path.of(args.positional().get(0)));
		if (!run.exists()) {
			throw new IOException(run.root() + " is not a run directory (no " + RunDirectory.DESCRIPTION + ")");
		}
		Map<String, Object> description = run.readDescription();
		out.println("run:        " + run.root().toAbsolutePath());
		out.println("model:      " + description.get("model") + "  seed "
				+ RunDescription.seed(description) + "  backend "
				+ description.get("backend"));
		out.println("created:    " + description.get("created") + " on " + description.get("host"));
		// what is shown, not every event: a long run has millions
		List<RunEvent> events = new ArrayList<>();
		EventLogReader reader = new EventLogReader(run.events());
		reader.readAll(batch -> batch.stream()
				.filter(e -> !e.type().equals(RunEvent.SIGMA) && !e.type().equals(RunEvent.SAMPLE)).forEach(events::add));
		RunEvent status = Commands.last(events, RunEvent.STATUS);
		if (status != null) {
			out.println("state:      " + status.text("state") + " at step " + status.step()
					+ (status.text("message") != null ? " (" + status.text("message") + ")" : ""));
		}
		RunEvent metrics = Commands.last(events, RunEvent.METRICS);
		if (metrics != null) {
			out.println("metrics:    step " + metrics.step() + " " + metrics.object("values"));
		}
		long warnings = events.stream().filter(e -> e.type().equals(RunEvent.WARNING)).count();
		out.println("warnings:   " + warnings);
		events.stream().filter(e -> e.type().equals(RunEvent.WARNING))
				.forEach(e -> out.println("  step " + e.step() + " " + e.text("kind") + ": " + e.text("message")));
		List<Path> checkpoints = run.checkpointFiles();
		out.println("checkpoints: " + checkpoints.size()
				+ (checkpoints.isEmpty() ? "" : ", latest " + checkpoints.get(checkpoints.size() - 1).getFileName()));
		if (!reader.problems().isEmpty()) {
			out.println("unreadable event lines: " + reader.problems());
		}
		return ExitCode.OK;
	}
}
