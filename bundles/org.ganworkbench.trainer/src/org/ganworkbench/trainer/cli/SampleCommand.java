package org.ganworkbench.trainer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.trainer.build.GanBuilder;
import org.ganworkbench.trainer.build.Generator;
import org.ganworkbench.trainer.build.ModelException;
import org.ganworkbench.trainer.cli.Arguments.UsageException;
import org.ganworkbench.trainer.nn.Pass;
import org.ganworkbench.trainer.nn.Rng;
import org.ganworkbench.trainer.run.Checkpoint;
import org.ganworkbench.trainer.run.CheckpointFile;
import org.ganworkbench.trainer.run.ImageGrid;
import org.ganworkbench.trainer.train.LatentSampler;
import org.ganworkbench.trainer.train.SampleGrids;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Images from a checkpoint's EMA generator: with {@code --seeds A,B}, along the straight line from the
 * latent of seed A to the latent of seed B (with truncation T), as one row of a PNG grid; without, the
 * run's sample grid at truncation T (the latents the trainer logs its grids with), so that a grid can
 * be had for any truncation, not only those logged.
 */
final class SampleCommand {

	private static final int FRAMES = 8;
	private final PrintStream out;

	SampleCommand(PrintStream out) {
		this.out = out;
	}

	int run(Arguments args) throws UsageException, IOException, ModelException {
		if (args.positional().size() != 1 || args.option("out") == null) {
			throw new UsageException("sample needs CHECKPOINT and --out F.png (and --seeds A,B for an interpolation)");
		}
		Path checkpointFile = Path.of(args.positional().get(0));
		double truncation = args.doubleOption("truncation", 0);
		// checkpoints/step-N.ckpt: the run directory holds the model snapshot
		RunDirectory run = new RunDirectory(checkpointFile.toAbsolutePath().getParent().getParent());
		GanModel model = GanBuilder.parse(Commands.read(run.modelSnapshot()), RunDirectory.MODEL_SNAPSHOT);
		Checkpoint checkpoint = CheckpointFile.read(checkpointFile);
		Generator g = GanBuilder.generator(model, 0, DataType.FLOAT);
		checkpoint.loadInto("G_ema/", g.params());
		Path target = Path.of(args.option("out"));
		if (args.option("seeds") == null) {
			long seed;
			try {
				seed = Long.parseLong(String.valueOf(checkpoint.state().get("seed")));
			} catch (NumberFormatException e) {
				throw new UsageException(checkpointFile + " does not record its run's seed: give --seeds A,B");
			}
			INDArray images = new SampleGrids(model, seed).images(g, truncation);
			ImageGrid.writePng(ImageGrid.of(images, SampleGrids.COLUMNS), target);
			out.println("wrote " + target.toAbsolutePath() + " (the run's sample grid at truncation " + truncation
					+ ", step " + checkpoint.step() + ")");
			return ExitCode.OK;
		}
		String[] seeds = args.option("seeds").split(",");
		if (seeds.length != 2) {
			throw new UsageException("--seeds needs two seeds: A,B");
		}
		long seedA;
		long seedB;
		try {
			seedA = Long.parseLong(seeds[0].trim());
			seedB = Long.parseLong(seeds[1].trim());
		} catch (NumberFormatException e) {
			throw new UsageException("--seeds needs two whole numbers: A,B");
		}
		LatentSampler latents = new LatentSampler(model.latent());
		INDArray a = latents.sample(1, truncation, new Rng(seedA), DataType.FLOAT);
		INDArray b = latents.sample(1, truncation, new Rng(seedB), DataType.FLOAT);
		INDArray z = Nd4j.create(DataType.FLOAT, FRAMES, latents.size());
		for (int i = 0; i < FRAMES; i++) {
			double t = i / (double) (FRAMES - 1);
			z.putRow(i, a.mul(1 - t).addi(b.mul(t)).reshape(latents.size()));
		}
		int[] labels = model.data().classes() > 0 ? new int[FRAMES] : null;
		INDArray images = g.forward(z, labels, Pass.inference());
		ImageGrid.writePng(ImageGrid.of(images, FRAMES), target);
		out.println("wrote " + target.toAbsolutePath() + " (" + FRAMES + " images, step " + checkpoint.step() + ")");
		return ExitCode.OK;
	}
}
