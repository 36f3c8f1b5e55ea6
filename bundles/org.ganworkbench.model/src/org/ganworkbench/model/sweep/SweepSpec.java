package org.ganworkbench.model.sweep;

import java.util.List;

/**
 * A model's {@code sweep} block: what varies, how many trials, how many at once, the objective (a
 * logged metric, minimised unless {@code maximize}) and whether successive halving stops the worst
 * trials early. {@code trials} is already resolved: the grid's size times the seeds when the block
 * does not give it.
 */
public record SweepSpec(List<SweepDimension> dimensions, List<Long> seeds, int trials, int parallel, String objective,
		boolean maximize, boolean halving) {

	public static final String DEFAULT_OBJECTIVE = "fd";
	public static final int DEFAULT_PARALLEL = 2;

	public SweepSpec {
		dimensions = List.copyOf(dimensions);
		seeds = List.copyOf(seeds);
	}

	/** The number of combinations of the grid dimensions' values (1 without any). */
	public long gridSize() {
		long size = 1;
		for (SweepDimension d : dimensions) {
			if (d.isGrid()) {
				size = Math.multiplyExact(size, d.values().size());
			}
		}
		return size;
	}

	/** Whether a better objective is a larger one. */
	public boolean better(double candidate, double than) {
		return maximize ? candidate > than : candidate < than;
	}
}
