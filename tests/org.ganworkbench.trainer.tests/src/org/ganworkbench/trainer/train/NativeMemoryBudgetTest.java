package org.ganworkbench.trainer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

/** When the budget collects: over budget and growing, or over budget for too long; never under it. */
class NativeMemoryBudgetTest {

	private static final long MB = 1 << 20;

	/** The steps (from 1) after which the budget collected, for a sequence of resident readings in MB. */
	private static List<Integer> collections(long budgetMb, long... residentMb) {
		List<Integer> steps = new ArrayList<>();
		Iterator<Long> readings = java.util.Arrays.stream(residentMb).boxed().iterator();
		int[] step = { 0 };
		NativeMemoryBudget budget = new NativeMemoryBudget(budgetMb, () -> readings.next() * MB, () -> steps.add(step[0]));
		for (step[0] = 1; step[0] <= residentMb.length; step[0]++) {
			budget.afterStep();
		}
		return steps;
	}

	@Test
	void underBudgetNeverCollects() {
		assertEquals(List.of(), collections(1024, 300, 600, 900, 1000, 1020, 1000));
	}

	@Test
	void overBudgetAndGrowingCollectsEveryStep() {
		// without a workspace each step's garbage is new memory until a collection frees it
		assertEquals(List.of(1, 2, 3), collections(1024, 1100, 1200, 1300));
	}

	@Test
	void overBudgetButLevelCollectsEveryTenthStep() {
		// the step reuses memory (the workspace's, or what the last collection freed): a collection
		// would free nothing new; one every ten steps bounds what slow growth could hide
		long[] level = new long[25];
		java.util.Arrays.fill(level, 1100);
		assertEquals(List.of(1, 11, 21), collections(1024, level));
	}

	@Test
	void growthBelowTheNoiseThresholdWaitsForTheTenthStep() {
		long[] creeping = new long[12];
		for (int i = 0; i < creeping.length; i++) {
			creeping[i] = 1100 + 10L * i; // 10 MB a step, under the 16 MB that counts as growth
		}
		assertEquals(List.of(1, 11), collections(1024, creeping));
	}

	@Test
	void zeroTurnsTheBudgetOff() {
		assertEquals(List.of(), collections(0, 5000, 6000, 7000));
	}
}
