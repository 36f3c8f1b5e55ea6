package org.ganworkbench.trainer.run;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.TrainerProcess;

/** The content of run.json, written once when a run directory is created. */
public final class RunDescription {

	public static final String TRAINER_VERSION = "0.1.0";
	public static final String DL4J_VERSION = "1.0.0-M2.1";

	private final Map<String, Object> fields = new LinkedHashMap<>();

	public RunDescription(String modelName, long seed, String backend) {
		fields.put("format", RunDirectory.FORMAT);
		fields.put("model", modelName);
		fields.put("modelFile", RunDirectory.MODEL_SNAPSHOT);
		fields.put("seed", seed);
		fields.put("backend", backend);
		Map<String, Object> versions = new LinkedHashMap<>();
		versions.put("trainer", TRAINER_VERSION);
		versions.put("dl4j", DL4J_VERSION);
		versions.put("java", System.getProperty("java.version"));
		versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
		fields.put("versions", versions);
		fields.put("host", TrainerProcess.localHost());
		fields.put("created", Instant.now().toString());
	}

	/** Adds a field such as the dataset, the planned steps or the command line. */
	public RunDescription with(String key, Object value) {
		fields.put(key, value);
		return this;
	}

	public Map<String, Object> fields() {
		return fields;
	}

	/** The seed a run recorded in its run.json, read back by {@code resume}, {@code quality} and {@code info}. */
	public static long seed(Map<String, Object> description) throws IOException {
		if (description.get("seed") instanceof Number seed) {
			return seed.longValue();
		}
		throw new IOException("run.json records no seed");
	}
}
