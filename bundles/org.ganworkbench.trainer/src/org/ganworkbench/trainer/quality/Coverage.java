package org.ganworkbench.trainer.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which classes the generator produces, by the feature classifier's predictions, against the
 * predictions on real images. A class is dropped when it gets less than a fifth of the samples its
 * real share predicts: the classifier's own errors put a few samples in every class, so exactly zero
 * is rare even for a generator that never draws the class.
 */
public record Coverage(List<String> classes, int[] generated, int[] real, List<String> dropped, String message) {

	static final double DROPPED_BELOW = 0.2;

	static Coverage of(List<String> classes, int[] predictedFake, int[] predictedReal) {
		int k = classes.size();
		int[] fake = histogram(predictedFake, k);
		int[] real = histogram(predictedReal, k);
		List<String> dropped = new ArrayList<>();
		List<String> parts = new ArrayList<>();
		for (int c = 0; c < k; c++) {
			double expected = real[c] * (double) predictedFake.length / predictedReal.length;
			if (expected > 0 && fake[c] < DROPPED_BELOW * expected) {
				dropped.add(classes.get(c));
				parts.add(fake[c] == 0
						? String.format(Locale.ROOT, "no '%s' in %,d samples", classes.get(c), predictedFake.length)
						: String.format(Locale.ROOT, "'%s': %d of %,d samples (%.0f expected)", classes.get(c), fake[c],
								predictedFake.length, expected));
			}
		}
		return new Coverage(List.copyOf(classes), fake, real, List.copyOf(dropped), String.join("; ", parts));
	}

	private static int[] histogram(int[] predicted, int k) {
		int[] counts = new int[k];
		for (int c : predicted) {
			counts[c]++;
		}
		return counts;
	}

	Map<String, Object> fields() {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("classes", classes);
		out.put("generated", toList(generated));
		out.put("real", toList(real));
		out.put("dropped", dropped);
		if (!message.isEmpty()) {
			out.put("message", message);
		}
		return out;
	}

	private static List<Integer> toList(int[] values) {
		List<Integer> list = new ArrayList<>();
		for (int v : values) {
			list.add(v);
		}
		return list;
	}
}
