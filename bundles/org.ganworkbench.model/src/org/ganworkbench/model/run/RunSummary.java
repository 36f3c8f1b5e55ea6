package org.ganworkbench.model.run;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.json.Json.JsonException;

/**
 * One run at a glance, for comparing runs (the Runs view, {@code compare}): read from its run
 * directory in one pass over the event log, with the user's {@link UserLabels}. Reading never throws:
 * a folder half-written, of a newer {@link RunDirectory#FORMAT} or damaged gives a summary in state
 * {@link RunState#UNREADABLE} with the {@link #reason()}, so that one bad run never hides the others.
 * Values a run does not have (yet) are NaN, -1 or null.
 *
 * @param directory the run directory
 * @param name the user's display name, else the folder's name
 * @param model the model's name (run.json)
 * @param state as the log tells it: a log whose last status is running or resumed is {@link RunState#RUNNING}
 *        (see {@link #withTrainerGone()})
 * @param message the last status event's message (why it failed or diverged), or null
 * @param step the step training reached: of its last status, metrics, sigma, sample or checkpoint event
 * @param plannedSteps the step training runs to: of the last running or resumed status, else run.json's
 * @param bestFd the lowest FD of the quality events
 * @param bestFdStep its step
 * @param fd FD of the quality event of the latest step; {@code kid}, {@code precision}, {@code recall} of the same event
 * @param imagesPerSecond of the last metrics event
 * @param created run.json's creation instant
 * @param duration from the first event to the last written during training (a {@code quality} command's later
 *        events do not count), or null without events
 * @param warnings warning events in the log
 * @param tags the user's, from labels.json; {@code name} and {@code note} too
 * @param reason why the run is {@link RunState#UNREADABLE}; null otherwise
 */
public record RunSummary(Path directory, String name, String model, RunState state, String message, long step,
		long plannedSteps, double bestFd, long bestFdStep, double fd, double kid, double precision, double recall,
		double imagesPerSecond, String backend, String device, String host, Instant created, Duration duration,
		int warnings, List<String> tags, String note, String reason) {

	/** Oldest first; runs without a creation time (unreadable ones) last, by folder. */
	public static final Comparator<RunSummary> BY_CREATED = Comparator
			.comparing(RunSummary::created, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparing(RunSummary::directory);

	// keys of toJson(): the columns of compare's CSV and JSON, and of the cache file
	private static final String DIRECTORY = "directory";
	private static final String NAME = "name";
	private static final String MODEL = "model";
	private static final String STATE = "state";
	private static final String MESSAGE = "message";
	private static final String STEP = "step";
	private static final String PLANNED_STEPS = "planned_steps";
	private static final String BEST_FD = "best_" + MetricNames.FD;
	private static final String BEST_FD_STEP = "best_" + MetricNames.FD + "_step";
	private static final String BACKEND = "backend";
	private static final String DEVICE = "device";
	private static final String HOST = "host";
	private static final String CREATED = "created";
	private static final String DURATION = "duration_s";
	private static final String WARNINGS = "warnings";
	private static final String TAGS = "tags";
	private static final String NOTE = "note";
	private static final String REASON = "reason";

	/** The keys of {@link #toJson()}, in its order. */
	public static final List<String> JSON_KEYS = List.of(NAME, MODEL, STATE, STEP, PLANNED_STEPS, BEST_FD, BEST_FD_STEP,
			MetricNames.FD, MetricNames.KID, MetricNames.PRECISION, MetricNames.RECALL, MetricNames.IMAGES_PER_SEC,
			BACKEND, DEVICE, HOST, CREATED, DURATION, WARNINGS, TAGS, NOTE, MESSAGE, REASON, DIRECTORY);

	public RunSummary {
		tags = tags == null ? List.of() : List.copyOf(tags);
	}

	/** Reads the summary of a run directory; never throws (see the class comment). */
	public static RunSummary read(Path directory) {
		UserLabels labels;
		try {
			labels = UserLabels.read(directory);
		} catch (IOException | RuntimeException e) {
			labels = UserLabels.NONE; // the user's file, not the run: the run is still readable
		}
		try {
			return read(new RunDirectory(directory), labels);
		} catch (IOException | RuntimeException e) {
			return unreadable(directory, labels, "cannot be read: " + e);
		}
	}

	private static RunSummary read(RunDirectory run, UserLabels labels) throws IOException {
		Path directory = run.root();
		if (!Files.isDirectory(directory)) {
			return unreadable(directory, labels, "no such folder");
		}
		if (!run.exists()) {
			return unreadable(directory, labels,
					"no " + RunDirectory.DESCRIPTION + ": not a run, or one being created");
		}
		Map<String, Object> description;
		try {
			description = run.readDescription();
		} catch (CharacterCodingException e) {
			return unreadable(directory, labels, RunDirectory.DESCRIPTION + ": not UTF-8 text");
		} catch (IOException e) {
			return unreadable(directory, labels, RunDirectory.DESCRIPTION + ": "
					+ (e.getCause() instanceof JsonException json ? json.getMessage() : e.getMessage()));
		}
		String formatProblem = formatProblem(description.get("format"));
		if (formatProblem != null) {
			return unreadable(directory, labels, formatProblem);
		}
		EventLogReader reader = new EventLogReader(run.events());
		LogFold log = new LogFold((long) Json.number(description.get("steps"), -1));
		reader.readAll(batch -> batch.forEach(log::add));
		if (log.events == 0 && !reader.problems().isEmpty()) {
			return unreadable(directory, labels, "no event can be read: " + reader.problems().get(0));
		}
		Quality best = log.best();
		Quality latest = log.latest();
		// the log's word: from a folder alone, whether its trainer lives cannot be told (withTrainerGone)
		RunState state = RunState.of(log.status, true);
		Duration duration = log.firstTime < 0 ? null : Duration.ofMillis(log.lastTime - log.firstTime);
		// run.json's fields of the same names
		return new RunSummary(directory, displayName(directory, labels), Json.string(description.get(MODEL)), state,
				log.message, log.step, log.plannedSteps, best.fd, best.step, latest.fd, latest.kid, latest.precision,
				latest.recall, log.imagesPerSecond, Json.string(description.get(BACKEND)),
				Json.string(description.get(DEVICE)), Json.string(description.get(HOST)),
				instant(description.get(CREATED)), duration, log.warnings, labels.tags(), labels.note(), null);
	}

	/** Why run.json's format cannot be read here, or null when it can. */
	private static String formatProblem(Object format) {
		double version = Json.number(format, Double.NaN);
		if (version == RunDirectory.FORMAT) {
			return null;
		}
		if (Double.isNaN(version)) {
			return RunDirectory.DESCRIPTION + " has no format number";
		}
		if (version > RunDirectory.FORMAT) {
			return RunDirectory.DESCRIPTION + ": format " + Json.write(format) + " is newer than this reader's ("
					+ RunDirectory.FORMAT + "); a newer GAN Workbench reads it";
		}
		return RunDirectory.DESCRIPTION + ": unknown format " + Json.write(format);
	}

	private static RunSummary unreadable(Path directory, UserLabels labels, String reason) {
		return new RunSummary(directory, displayName(directory, labels), null, RunState.UNREADABLE, null, -1, -1,
				Double.NaN, -1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, null, null, null, null,
				0, labels.tags(), labels.note(), reason);
	}

	private static String displayName(Path directory, UserLabels labels) {
		if (labels.name() != null) {
			return labels.name();
		}
		Path folder = directory.toAbsolutePath().normalize().getFileName();
		return folder == null ? directory.toString() : folder.toString();
	}

	/**
	 * This summary for a run whose trainer is known to be gone (the IDE saw its process end): a log
	 * that still says running is a run that {@link RunState#ENDED_WITHOUT_STATUS}, as
	 * {@link RunState#of(String, boolean)} has it.
	 */
	public RunSummary withTrainerGone() {
		if (state != RunState.RUNNING) {
			return this;
		}
		return new RunSummary(directory, name, model, RunState.ENDED_WITHOUT_STATUS, message, step, plannedSteps, bestFd,
				bestFdStep, fd, kid, precision, recall, imagesPerSecond, backend, device, host, created, duration,
				warnings, tags, note, reason);
	}

	/**
	 * The summary as a JSON object, every key of {@link #JSON_KEYS} present in its order, absent values
	 * null: a row of {@code compare}'s CSV and JSON, and an entry of the {@link RunSummaryCache}'s file.
	 */
	public Map<String, Object> toJson() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put(NAME, name);
		fields.put(MODEL, model);
		fields.put(STATE, state.word());
		fields.put(STEP, step < 0 ? null : step);
		fields.put(PLANNED_STEPS, plannedSteps < 0 ? null : plannedSteps);
		fields.put(BEST_FD, finite(bestFd));
		fields.put(BEST_FD_STEP, bestFdStep < 0 ? null : bestFdStep);
		fields.put(MetricNames.FD, finite(fd));
		fields.put(MetricNames.KID, finite(kid));
		fields.put(MetricNames.PRECISION, finite(precision));
		fields.put(MetricNames.RECALL, finite(recall));
		fields.put(MetricNames.IMAGES_PER_SEC, finite(imagesPerSecond));
		fields.put(BACKEND, backend);
		fields.put(DEVICE, device);
		fields.put(HOST, host);
		fields.put(CREATED, created == null ? null : created.toString());
		fields.put(DURATION, duration == null ? null : duration.toMillis() / 1000.0);
		fields.put(WARNINGS, warnings);
		fields.put(TAGS, tags);
		fields.put(NOTE, note);
		fields.put(MESSAGE, message);
		fields.put(REASON, reason);
		fields.put(DIRECTORY, directory.toString());
		return fields;
	}

	/**
	 * A summary from its {@link #toJson()} object.
	 *
	 * @throws IllegalArgumentException when the object has no directory or state
	 */
	public static RunSummary fromJson(Map<String, ?> fields) {
		RunState state = RunState.ofWord(Json.string(fields.get(STATE)));
		String directory = Json.string(fields.get(DIRECTORY));
		if (state == null || directory == null) {
			throw new IllegalArgumentException("a run summary needs a directory and a state: " + fields);
		}
		Object duration = fields.get(DURATION);
		return new RunSummary(Path.of(directory), Json.string(fields.get(NAME)), Json.string(fields.get(MODEL)), state,
				Json.string(fields.get(MESSAGE)), step(fields.get(STEP)), step(fields.get(PLANNED_STEPS)),
				Json.number(fields.get(BEST_FD), Double.NaN), step(fields.get(BEST_FD_STEP)),
				Json.number(fields.get(MetricNames.FD), Double.NaN), Json.number(fields.get(MetricNames.KID), Double.NaN),
				Json.number(fields.get(MetricNames.PRECISION), Double.NaN),
				Json.number(fields.get(MetricNames.RECALL), Double.NaN),
				Json.number(fields.get(MetricNames.IMAGES_PER_SEC), Double.NaN), Json.string(fields.get(BACKEND)),
				Json.string(fields.get(DEVICE)), Json.string(fields.get(HOST)), instant(fields.get(CREATED)),
				duration instanceof Number seconds ? Duration.ofMillis(Math.round(seconds.doubleValue() * 1000)) : null,
				(int) Json.number(fields.get(WARNINGS), 0), Json.strings(fields.get(TAGS)), Json.string(fields.get(NOTE)),
				Json.string(fields.get(REASON)));
	}

	private static Double finite(double value) {
		return Double.isFinite(value) ? value : null;
	}

	private static long step(Object value) {
		return value instanceof Number n ? n.longValue() : -1;
	}

	private static Instant instant(Object value) {
		try {
			return value instanceof String text ? Instant.parse(text) : null;
		} catch (DateTimeParseException e) {
			return null;
		}
	}

	/** The values of one quality event. */
	private record Quality(long step, double fd, double kid, double precision, double recall) {
		static final Quality NONE = new Quality(-1, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
	}

	/**
	 * What a summary keeps of the log, event by event: a long run's millions of events are never held,
	 * only its quality events (one every few hundred steps).
	 */
	private static final class LogFold {
		int events;
		String status;
		String message;
		long step;
		long plannedSteps;
		double imagesPerSecond = Double.NaN;
		int warnings;
		long firstTime = -1;
		long lastTime = -1;
		final List<Quality> qualities = new ArrayList<>();

		LogFold(long plannedSteps) {
			this.plannedSteps = plannedSteps;
		}

		void add(RunEvent event) {
			events++;
			switch (event.type()) {
			case RunEvent.STATUS -> status(event);
			case RunEvent.METRICS -> {
				step = event.step();
				imagesPerSecond = Json.number(event.object("values").get(MetricNames.IMAGES_PER_SEC), imagesPerSecond);
			}
			case RunEvent.SIGMA, RunEvent.SAMPLE, RunEvent.CHECKPOINT -> step = event.step();
			case RunEvent.QUALITY -> qualities.add(new Quality(event.step(), event.number(MetricNames.FD),
					event.number(MetricNames.KID), event.number(MetricNames.PRECISION), event.number(MetricNames.RECALL)));
			case RunEvent.WARNING -> warnings++;
			default -> {
				// a type this reader does not know: skipped, as the format says
			}
			}
			// a command's events appended later (the quality command's: "source") are not training time
			double time = event.number("time");
			if (Double.isFinite(time) && !event.fields().containsKey("source")) {
				firstTime = firstTime < 0 ? (long) time : firstTime;
				lastTime = (long) time;
			}
		}

		private void status(RunEvent event) {
			status = event.text("state");
			message = event.text("message");
			step = event.step();
			double target = event.number("steps");
			if (target > 0 && ("running".equals(status) || "resumed".equals(status))) {
				plannedSteps = (long) target;
			}
			if ("resumed".equals(status)) {
				// training went back to a checkpoint: what was evaluated after it is superseded
				double from = event.number("from");
				long back = Double.isNaN(from) ? event.step() : (long) from;
				qualities.removeIf(q -> q.step > back);
			}
		}

		/** The quality event with the lowest FD (the earliest of equals). */
		Quality best() {
			Quality best = Quality.NONE;
			for (Quality q : qualities) {
				if (Double.isFinite(q.fd) && (best == Quality.NONE || q.fd < best.fd)) {
					best = q;
				}
			}
			return best;
		}

		/** The quality event of the latest step (the last written of equals). */
		Quality latest() {
			Quality latest = Quality.NONE;
			for (Quality q : qualities) {
				if (q.step >= latest.step) {
					latest = q;
				}
			}
			return latest;
		}
	}
}
