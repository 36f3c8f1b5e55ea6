package org.ganworkbench.trainer.quality;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.ganworkbench.model.json.Json;
import org.ganworkbench.trainer.data.ImageDataset;
import org.ganworkbench.trainer.nn.Param;
import org.ganworkbench.trainer.run.Checkpoint;
import org.ganworkbench.trainer.run.CheckpointFile;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Feature networks trained once per dataset and kept in a cache directory, one checkpoint-format file
 * per dataset fingerprint (a SHA-256 of every pixel and label, the image format and the network's
 * recipe): a changed dataset gets a new network, the same one is reused by every run.
 */
public final class FeatureCache {

	/** Bump when the network or its training changes, so old cache files are not reused. */
	static final int RECIPE = 1;
	/**
	 * Six to seven passes over Fashion-MNIST's training split: about 90% test accuracy in a minute
	 * on 2 cores (easier data stops earlier, see FeatureNetTrainer). One pass gave
	 * 87-88%, with classes less well apart in feature space (see docs/quality.md).
	 */
	public static final long DEFAULT_BUDGET = 360_000;
	/** Overrides the cache directory (a system property, or the environment variable below). */
	public static final String DIRECTORY_PROPERTY = "ganworkbench.features";
	public static final String DIRECTORY_VARIABLE = "GAN_WORKBENCH_FEATURES";

	private final Path directory;
	private final long budget;
	private final Consumer<String> log;
	private final BooleanSupplier stopRequested;

	public FeatureCache(Path directory, long budget, Consumer<String> log) {
		this(directory, budget, log, () -> false);
	}

	/** @param stopRequested ends a network's training early (nothing is stored then) */
	public FeatureCache(Path directory, long budget, Consumer<String> log, BooleanSupplier stopRequested) {
		this.directory = directory;
		this.budget = budget;
		this.log = log;
		this.stopRequested = stopRequested;
	}

	/** The property, the variable, $XDG_CACHE_HOME/gan-workbench/features or ~/.cache/gan-workbench/features. */
	public static Path defaultDirectory() {
		String configured = System.getProperty(DIRECTORY_PROPERTY, System.getenv(DIRECTORY_VARIABLE));
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		String xdg = System.getenv("XDG_CACHE_HOME");
		Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
		return base.resolve("gan-workbench").resolve("features");
	}

	/** The cached network of the dataset, trained and stored first when there is none. */
	public TrainedFeatureNet forDataset(ImageDataset data, long seed) throws IOException {
		FeatureNet.Kind kind = data.classes() > 1 ? FeatureNet.Kind.CLASSIFIER : FeatureNet.Kind.AUTOENCODER;
		String fingerprint = fingerprint(data, kind, budget);
		Path file = directory.resolve(fingerprint + ".features");
		FeatureNet net = FeatureNet.create(kind, data.channels(), data.height(), data.classes(), seed);
		List<String> names = data.classNames();
		if (Files.isRegularFile(file)) {
			try {
				Checkpoint stored = CheckpointFile.read(file);
				stored.loadInto("", net.params());
				Map<String, Object> s = stored.state();
				log.accept("feature net: " + file + " (cached, " + describe(kind, s) + ")");
				return new TrainedFeatureNet(net, fingerprint, file, true, Json.number(s.get("test_accuracy"), Double.NaN),
						Json.number(s.get("test_error"), Double.NaN), names);
			} catch (IOException | RuntimeException e) {
				log.accept("feature net: " + file + " is unusable (" + e.getMessage() + "); training a new one");
			}
		}
		log.accept("feature net: training a " + kind.name().toLowerCase(Locale.ROOT) + " on " + data.description() + " ("
				+ budget + " images)");
		FeatureNetTrainer.Result result = new FeatureNetTrainer(budget, log, stopRequested).train(net, data, seed);
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("recipe", RECIPE);
		state.put("kind", kind.name().toLowerCase(Locale.ROOT));
		state.put("dataset", data.description());
		state.put("image", List.of(data.channels(), data.height(), data.width()));
		state.put("classes", data.classes());
		state.put("test_accuracy", result.testAccuracy());
		state.put("test_error", result.testError());
		state.put("test_images", result.testImages());
		state.put("images_seen", result.imagesSeen());
		state.put("seconds", result.seconds());
		Map<String, INDArray> tensors = new LinkedHashMap<>();
		for (Param p : net.params()) {
			tensors.put(p.name(), p.value());
		}
		try {
			Files.createDirectories(directory);
			CheckpointFile.write(file, new Checkpoint(0, state, tensors));
			log.accept("feature net: " + describe(kind, state) + ", saved to " + file);
		} catch (IOException e) {
			// the trained network still serves this run; only the next one pays for it again
			log.accept("feature net: " + describe(kind, state) + "; cannot be stored in " + directory + " (" + e
					+ "): this run uses it, the next run on this dataset trains it again");
		}
		return new TrainedFeatureNet(net, fingerprint, file, false, result.testAccuracy(), result.testError(), names);
	}

	private static String describe(FeatureNet.Kind kind, Map<String, Object> state) {
		return kind == FeatureNet.Kind.CLASSIFIER
				? String.format(Locale.ROOT, "test accuracy %.2f%%", 100 * Json.number(state.get("test_accuracy"), Double.NaN))
				: String.format(Locale.ROOT, "test reconstruction MSE %.4f", Json.number(state.get("test_error"), Double.NaN));
	}

	/** 16 hex digits of SHA-256 over the recipe, the image format, every pixel and every label. */
	static String fingerprint(ImageDataset data, FeatureNet.Kind kind, long budget) {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		int length = data.channels() * data.height() * data.width();
		ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
		header.putInt(RECIPE).putInt(kind.ordinal()).putLong(budget).putInt(data.size()).putInt(data.channels())
				.putInt(data.height()).putInt(data.width()).putInt(data.classes());
		digest.update(header.array(), 0, header.position());
		float[] pixels = new float[length];
		ByteBuffer bytes = ByteBuffer.allocate(length + 4).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < data.size(); i++) {
			data.image(i, pixels, 0);
			bytes.clear();
			for (float v : pixels) {
				// pixels are bytes mapped to [-1, 1]: one byte each identifies them
				bytes.put((byte) Math.round((v + 1f) * 127.5f));
			}
			bytes.putInt(data.label(i));
			digest.update(bytes.array(), 0, bytes.position());
		}
		return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
	}
}
