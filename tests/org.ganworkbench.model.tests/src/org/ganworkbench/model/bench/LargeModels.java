package org.ganworkbench.model.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Generated model files far larger than any real one, for {@link ValidateBenchmark} and the fuzz
 * test: valid models of any number of layers, one a line or all on one line, and files of a given
 * size made of stray characters or random bytes.
 */
public final class LargeModels {

	private static final String HEAD = "gan \"big\" {\n  latent { size = 16 }\n  data { image = [1, 8, 8] }\n  generator {\n";
	private static final String TAIL = "  }\n  discriminator {\n    conv c { filters = 4; kernel = 3; padding = 1 }\n"
			+ "    dense out { units = 1 }\n  }\n}\n";

	private LargeModels() {
	}

	/**
	 * A valid model whose generator has {@code count} (at least 3) layers: a repeating dense,
	 * leaky_relu, add (a skip connection by name), identity pattern, then reshape and tanh, so
	 * ordering, references and shape inference all work on every layer.
	 */
	public static String layers(int count, boolean oneLine) {
		String separator = oneLine ? " " : "\n    ";
		StringBuilder out = new StringBuilder(HEAD).append("    dense l1 { units = 64 }");
		for (int i = 2; i <= count - 2; i++) {
			out.append(separator);
			switch ((i - 1) % 4) {
			case 1 -> out.append("leaky_relu l").append(i).append(" {}");
			case 2 -> out.append("add l").append(i).append(" { inputs = [l").append(i - 1).append(", l").append(i - 2).append("] }");
			case 3 -> out.append("identity l").append(i).append(" {}");
			default -> out.append("dense l").append(i).append(" { units = 64 }");
			}
		}
		return out.append(separator).append("reshape r { shape = [1, 8, 8] }").append(separator).append("tanh out {}\n")
				.append(TAIL).toString();
	}

	/** A valid model with all its layers on one line, about {@code bytes} long. */
	public static String layersOfSize(int bytes) {
		return layers(layerCountOfSize(bytes), true);
	}

	/** The layer count of {@link #layersOfSize}. */
	public static int layerCountOfSize(int bytes) {
		int perLayer = 26; // the average length of one generated layer
		return Math.max(3, (bytes - HEAD.length() - TAIL.length()) / perLayer);
	}

	/** A gan block whose generator holds one line of {@code bytes} characters the format does not know. */
	public static String strayCharacters(int bytes) {
		return HEAD + "    " + "@$%&".repeat(Math.max(0, bytes - HEAD.length() - TAIL.length()) / 4) + "\n" + TAIL;
	}

	/** {@code bytes} random bytes, the same for a given seed. */
	public static byte[] randomBytes(int bytes, long seed) {
		byte[] out = new byte[bytes];
		new Random(seed).nextBytes(out);
		return out;
	}

	public static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
