package org.ganworkbench.trainer.train;

import java.nio.file.Path;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.trainer.data.ImageDataset;

/**
 * What one training invocation needs: the model (and its text, for the run's snapshot), the opened
 * dataset, the run directory, the number of steps to reach and the seed.
 */
public record TrainingOptions(GanModel model, String modelText, ImageDataset dataset, Path runDir, long steps, long seed) {
}
