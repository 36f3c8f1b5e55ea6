package org.ganworkbench.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.trainer.build.GanBuilder;
import org.ganworkbench.trainer.build.ModelException;
import org.ganworkbench.trainer.data.ImageDataset;
import org.ganworkbench.trainer.data.SyntheticShapes;
import org.ganworkbench.trainer.run.Checkpoint;
import org.ganworkbench.trainer.run.RunDescription;
import org.ganworkbench.trainer.run.RunWriter;
import org.ganworkbench.trainer.train.DivergedException;
import org.ganworkbench.trainer.train.Trainer;
import org.ganworkbench.trainer.train.TrainingOptions;

/** The project's trainer on a template, trained in rounds into a temporary run directory. */
final class TrainerSide implements AutoCloseable {

	private final GanModel model;
	private final RunWriter writer;
	private final Trainer trainer;

	TrainerSide(String modelText, int size, int channels, long seed) throws IOException, ModelException {
		this(modelText, new SyntheticShapes(size, channels, seed), seed);
	}

	TrainerSide(String modelText, ImageDataset data, long seed) throws IOException, ModelException {
		model = GanBuilder.parse(modelText, "benchmark.gan");
		Path dir = Files.createTempDirectory("gan-benchmark");
		Path runDir = dir.resolve("run");
		writer = RunWriter.create(runDir, new RunDescription(model.name(), seed, "cpu"), modelText);
		trainer = new Trainer(new TrainingOptions(model, modelText, data, runDir, Long.MAX_VALUE / 2, seed), writer);
	}

	GanModel model() {
		return model;
	}

	Trainer trainer() {
		return trainer;
	}

	/** Counted parameters of {G, D}, as the model bundle and the editor count them. */
	long[] parameterCounts() {
		Checkpoint checkpoint = trainer.checkpoint();
		long[] counts = new long[2];
		checkpoint.tensors().forEach((name, value) -> {
			if (name.endsWith(".u")) {
				return; // spectral norm's power-iteration vector: state, not a parameter
			}
			if (name.startsWith("G/")) {
				counts[0] += value.length();
			} else if (name.startsWith("D/")) {
				counts[1] += value.length();
			}
		});
		return counts;
	}

	int batch() {
		return model.training().batchSize();
	}

	int dSteps() {
		return model.training().dSteps();
	}

	/**
	 * D forwards per image of a G step beyond the loss's own (a backward counts as two): R1 and R2 run
	 * D forward and backward twice each per D step; the relativistic loss scores the real batch once
	 * more in the G step.
	 */
	int extraDiscriminatorForwards() {
		int penalties = (model.training().r1Gamma() > 0 ? 1 : 0) + (model.training().r2Gamma() > 0 ? 1 : 0);
		int relativistic = model.training().loss() == org.ganworkbench.model.LossKind.RELATIVISTIC ? 1 : 0;
		return dSteps() * penalties * 2 * 3 + relativistic;
	}

	/** Trains {@code steps} more G steps. */
	void train(int steps) throws IOException, InterruptedException, DivergedException {
		trainer.runUntil(trainer.step() + steps);
	}

	Trainer.Timings timings() {
		return trainer.timings();
	}

	@Override
	public void close() throws IOException {
		writer.close();
	}
}
