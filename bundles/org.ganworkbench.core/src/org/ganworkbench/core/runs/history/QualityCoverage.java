package org.ganworkbench.core.runs.history;

import java.util.List;

/**
 * The class coverage of the latest "quality" event: predicted classes of generated samples against
 * real ones, and the classes the generator dropped, as the trainer named them.
 */
public record QualityCoverage(long step, List<String> classes, int[] generated, int[] real, List<String> dropped,
		String message) {
}
