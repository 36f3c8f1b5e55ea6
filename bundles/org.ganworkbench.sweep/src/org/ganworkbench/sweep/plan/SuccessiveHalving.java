package org.ganworkbench.sweep.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/**
 * Early stopping by successive halving, asynchronous (as in ASHA): rungs are the multiples of
 * {@code rungInterval} steps. Whenever a running trial is first seen past a rung, its objective there
 * (its last value at or before the rung) is ranked among every trial that has reached that rung so far;
 * in the worst half (the worst floor(n/2) of n, n at least 2) it is stopped. A trial is judged once per
 * rung, so one that came first and survived is not judged again there when slower trials arrive.
 */
public final class SuccessiveHalving {

	private final long rungInterval;
	private final boolean maximize;
	private final Map<String, Long> judgedUpTo = new HashMap<>();

	public SuccessiveHalving(long rungInterval, boolean maximize) {
		if (rungInterval < 1) {
			throw new IllegalArgumentException("rung interval " + rungInterval);
		}
		this.rungInterval = rungInterval;
		this.maximize = maximize;
	}

	/**
	 * The running trials to stop now. {@code objectives} holds, for every trial that logged the objective
	 * (running or ended), its value by step; {@code lastStep} how far each has trained.
	 */
	public Set<String> toStop(Map<String, NavigableMap<Long, Double>> objectives, Map<String, Long> lastStep,
			Set<String> running) {
		Set<String> stop = new LinkedHashSet<>();
		for (String trial : running) {
			long reached = lastStep.getOrDefault(trial, 0L);
			long judged = judgedUpTo.getOrDefault(trial, 0L);
			for (long rung = judged + rungInterval; rung <= reached; rung += rungInterval) {
				judgedUpTo.put(trial, rung);
				Double mine = valueAt(objectives.get(trial), rung);
				if (mine == null) {
					continue;
				}
				List<Double> peers = new ArrayList<>();
				for (Map.Entry<String, NavigableMap<Long, Double>> other : objectives.entrySet()) {
					Double value = lastStep.getOrDefault(other.getKey(), 0L) >= rung ? valueAt(other.getValue(), rung) : null;
					if (value != null) {
						peers.add(value);
					}
				}
				if (peers.size() >= 2 && inWorstHalf(mine, peers)) {
					stop.add(trial);
					break;
				}
			}
		}
		return stop;
	}

	/** In the worst floor(n/2) of n: at least n - floor(n/2) peers (itself not counted, as it is not better) beat it. */
	private boolean inWorstHalf(double value, List<Double> peers) {
		int better = 0;
		for (double peer : peers) {
			if (maximize ? peer > value : peer < value) {
				better++;
			}
		}
		return better >= peers.size() - peers.size() / 2;
	}

	private static Double valueAt(NavigableMap<Long, Double> values, long step) {
		if (values == null) {
			return null;
		}
		Map.Entry<Long, Double> entry = values.floorEntry(step);
		return entry == null ? null : entry.getValue();
	}
}
