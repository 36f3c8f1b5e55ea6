package org.ganworkbench.model.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.ganworkbench.model.json.Json;
import org.ganworkbench.model.json.Json.JsonException;

/**
 * What the user says about a run: a display name, tags, a note. Kept in the run directory's
 * {@code labels.json} ({@link RunDirectory#LABELS}), beside the trainer's files and never in them, so
 * labelling a run rewrites nothing the trainer wrote; the trainer never writes it, and readers do not
 * need it (docs/run-format.md).
 *
 * @param name the display name instead of the folder's, or null
 * @param tags distinct, stripped, none blank, in the order given
 * @param note free text, or null
 */
public record UserLabels(String name, List<String> tags, String note) {

	/** No labels: what a run without labels.json has. */
	public static final UserLabels NONE = new UserLabels(null, List.of(), null);

	private static final String NAME = "name";
	private static final String TAGS = "tags";
	private static final String NOTE = "note";

	public UserLabels {
		name = blankToNull(name);
		note = blankToNull(note);
		LinkedHashSet<String> distinct = new LinkedHashSet<>();
		for (String tag : tags == null ? List.<String>of() : tags) {
			if (tag != null && !tag.isBlank()) {
				distinct.add(tag.strip());
			}
		}
		tags = List.copyOf(distinct);
	}

	public boolean isEmpty() {
		return name == null && tags.isEmpty() && note == null;
	}

	/**
	 * The labels of a run directory; {@link #NONE} when it has none.
	 *
	 * @throws IOException when labels.json cannot be read or is not a JSON object (an editor then
	 *         warns before writing over it)
	 */
	public static UserLabels read(Path runDirectory) throws IOException {
		Path file = new RunDirectory(runDirectory).labels();
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		} catch (NoSuchFileException e) {
			return NONE;
		}
		try {
			return of(Json.parseObject(text));
		} catch (JsonException e) {
			throw new IOException(file + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Writes the labels to the run directory atomically (a reader sees the old labels or the new,
	 * never half); no labels remove the file.
	 */
	public void write(Path runDirectory) throws IOException {
		Path file = new RunDirectory(runDirectory).labels();
		if (isEmpty()) {
			Files.deleteIfExists(file);
		} else {
			AtomicFile.writeString(file, Json.write(toJson()) + "\n");
		}
	}

	/** The JSON object of labels.json; absent values are left out. */
	public Map<String, Object> toJson() {
		Map<String, Object> fields = new LinkedHashMap<>();
		if (name != null) {
			fields.put(NAME, name);
		}
		if (!tags.isEmpty()) {
			fields.put(TAGS, tags);
		}
		if (note != null) {
			fields.put(NOTE, note);
		}
		return fields;
	}

	/** Labels from their JSON object: values of the wrong type are passed over, unknown fields too. */
	public static UserLabels of(Map<String, ?> fields) {
		return new UserLabels(Json.string(fields.get(NAME)), Json.strings(fields.get(TAGS)), Json.string(fields.get(NOTE)));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
