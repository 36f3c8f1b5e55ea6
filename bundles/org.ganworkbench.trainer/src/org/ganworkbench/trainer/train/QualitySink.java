package org.ganworkbench.trainer.train;

import java.util.List;

import org.ganworkbench.trainer.nn.Param;

/**
 * Where the training loop hands the EMA generator for sample-quality scoring at the quality
 * interval. The quality package's monitor implements it, so the loop knows nothing of how samples
 * are scored and the two packages do not depend on each other both ways.
 */
public interface QualitySink {

	/** Training thread: snapshots the EMA generator's parameters and queues their evaluation. */
	void submit(long step, List<Param> emaParams);
}
