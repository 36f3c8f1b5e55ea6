package org.ganworkbench.model;

import java.util.List;

/** The dataset: where images come from, their shape and the number of classes (0 = unconditional). */
public final class DataSpec {

	private final Settings settings;

	DataSpec(Settings settings) {
		this.settings = settings;
	}

	public DataSource source() {
		return Keyword.fromKeyword(DataSource.class, settings.stringValue("source", ""), Defaults.DATA_SOURCE);
	}

	/** The IDX folder or image folder, as written (relative paths are relative to the model file); null if absent. */
	public String path() {
		return settings.stringValue("path", null);
	}

	private int image(int index, int fallback) {
		List<Integer> image = settings.listValue("image");
		return image.size() == 3 ? image.get(index) : fallback;
	}

	public int channels() {
		return image(0, Defaults.IMAGE_CHANNELS);
	}

	public int height() {
		return image(1, Defaults.IMAGE_SIZE);
	}

	public int width() {
		return image(2, Defaults.IMAGE_SIZE);
	}

	/** False when the file gives an image shape that was rejected: checks against it would only add noise. */
	boolean imageKnown() {
		return (settings.has("image") || !settings.isWritten("image")) && (channels() == 1 || channels() == 3)
				&& imageShape().size() <= Counts.MAX_VALUES;
	}

	public Shape imageShape() {
		return Shape.image(channels(), height(), width());
	}

	public int classes() {
		return settings.intValue("classes", Defaults.CLASSES);
	}

	public boolean conditional() {
		return classes() > 0;
	}
}
