package org.ganworkbench.model.run;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.json.Json.JsonException;

/**
 * Which process trains a run now ({@code process.json}, docs/run-format.md): written by the trainer
 * when it starts or resumes, deleted when it ends. Left behind by a killed trainer, so a reader
 * trusts it only while a process of that id and start time is alive on this host: the start time
 * tells the trainer from a later process that was given the same id.
 *
 * @param started the process's start time, in milliseconds since the epoch
 */
public record TrainerProcess(long pid, String host, long started) {

	private static final long START_TOLERANCE_MILLIS = 1000;

	/** The trainer's main class. */
	public static final String MAIN_CLASS = "org.ganworkbench.trainer.Main";

	/** The record of a run directory, or empty when there is none or it cannot be read. */
	public static Optional<TrainerProcess> read(RunDirectory run) {
		try {
			Map<String, Object> fields = Json.parseObject(Files.readString(run.process(), StandardCharsets.UTF_8));
			if (fields.get("pid") instanceof Number pid && fields.get("host") instanceof String host
					&& fields.get("started") instanceof Number started) {
				return Optional.of(new TrainerProcess(pid.longValue(), host, started.longValue()));
			}
			return Optional.empty();
		} catch (NoSuchFileException e) {
			return Optional.empty();
		} catch (IOException | JsonException e) {
			// a torn or foreign file says nothing reliable about a process
			return Optional.empty();
		}
	}

	/** This machine's name as runs record it (run.json's host, and this record's). */
	public static String localHost() {
		try {
			return InetAddress.getLocalHost().getHostName();
		} catch (IOException e) {
			String env = System.getenv("HOSTNAME");
			return env != null ? env : "unknown";
		}
	}

	/** The record of the calling process. */
	public static TrainerProcess current() {
		ProcessHandle self = ProcessHandle.current();
		return new TrainerProcess(self.pid(), localHost(), startMillis(self));
	}

	/** When the process started, or 0 when the system does not say. */
	private static long startMillis(ProcessHandle process) {
		return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
	}

	/** The text the trainer writes. */
	public String toJson() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("pid", pid);
		fields.put("host", host);
		fields.put("started", started);
		return Json.write(fields) + "\n";
	}

	/**
	 * The live trainer process this record names, when it runs on this host (named {@code localHost}):
	 * alive, with the recorded start time. Empty for a record a killed trainer left behind.
	 */
	public Optional<ProcessHandle> liveTrainer(String localHost) {
		if (!host.equals(localHost)) {
			return Optional.empty();
		}
		// The start time as the system reports it may be rounded differently between two readings.
		return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
				.filter(p -> Math.abs(startMillis(p) - started) <= START_TOLERANCE_MILLIS);
	}
}
