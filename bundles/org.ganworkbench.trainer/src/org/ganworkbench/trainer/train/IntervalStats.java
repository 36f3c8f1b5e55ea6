package org.ganworkbench.trainer.train;

import java.util.LinkedHashMap;
import java.util.Map;

/** Sums of the values measured since the last metrics event, averaged when the event is written. */
final class IntervalStats {

	private final Map<String, double[]> sums = new LinkedHashMap<>();
	private long images;
	private long startNanos = System.nanoTime();

	void add(String key, double value) {
		double[] s = sums.computeIfAbsent(key, k -> new double[2]);
		s[0] += value;
		s[1]++;
	}

	void images(long count) {
		images += count;
	}

	double imagesPerSecond() {
		double seconds = (System.nanoTime() - startNanos) / 1e9;
		return seconds > 0 ? images / seconds : 0;
	}

	double mean(String key) {
		double[] s = sums.get(key);
		return s == null || s[1] == 0 ? Double.NaN : s[0] / s[1];
	}

	Map<String, Double> means() {
		Map<String, Double> out = new LinkedHashMap<>();
		sums.forEach((k, s) -> out.put(k, s[0] / s[1]));
		return out;
	}

	void reset() {
		sums.clear();
		images = 0;
		startNanos = System.nanoTime();
	}
}
