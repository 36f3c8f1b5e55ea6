package org.ganworkbench.trainer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.trainer.build.GanBuilder;
import org.ganworkbench.trainer.build.Generator;
import org.ganworkbench.trainer.build.ModelException;
import org.ganworkbench.trainer.cli.Arguments.UsageException;
import org.ganworkbench.trainer.data.DatasetException;
import org.ganworkbench.trainer.data.ImageDataset;
import org.ganworkbench.trainer.quality.FeatureCache;
import org.ganworkbench.trainer.quality.GeneratedImages;
import org.ganworkbench.trainer.quality.QualityEvaluator;
import org.ganworkbench.trainer.quality.QualityReport;
import org.ganworkbench.trainer.quality.TrainedFeatureNet;
import org.ganworkbench.trainer.run.Checkpoint;
import org.ganworkbench.trainer.run.CheckpointFile;
import org.ganworkbench.trainer.run.RunDescription;
import org.ganworkbench.trainer.run.RunWriter;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Quality metrics after the fact: for one checkpoint, or for every checkpoint of a run directory
 * that has no quality event at its step yet. Each result is printed and appended to the run's event
 * log as a "quality" event, so the Metrics view shows it like one written during training.
 */
final class QualityCommand {

	private final PrintStream out;

	QualityCommand(PrintStream out) {
		this.out = out;
	}

	int run(Arguments args) throws UsageException, IOException, ModelException, DatasetException {
		if (args.positional().size() != 1) {
			throw new UsageException("quality takes one checkpoint or run directory");
		}
		int samples = (int) args.longOption("samples", QualityEvaluator.DEFAULT_SAMPLES);
		if (samples < 100) {
			throw new UsageException("--samples needs at least 100 samples");
		}
		Path target = Path.of(args.positional().get(0)).toAbsolutePath();
		boolean single = Files.isRegularFile(target);
		// checkpoints/step-N.ckpt: the run directory holds the model snapshot
		RunDirectory run = new RunDirectory(single ? target.getParent().getParent() : target);
		if (!run.exists()) {
			throw new IOException(run.root() + " is not a run directory (no " + RunDirectory.DESCRIPTION + ")");
		}
		List<Path> checkpoints = single ? List.of(target) : unevaluated(run);
		if (checkpoints.isEmpty()) {
			out.println("every checkpoint of " + run.root() + " has its quality event");
			return ExitCode.OK;
		}
		GanModel model = GanBuilder.parse(Commands.read(run.modelSnapshot()), RunDirectory.MODEL_SNAPSHOT);
		Map<String, Object> description = run.readDescription();
		long seed = RunDescription.seed(description);
		Path dataPath = args.option("dataset") != null ? Path.of(args.option("dataset"))
				: Commands.recordedDataPath(description);
		ImageDataset data = Commands.open(model, dataPath, seed);
		TrainedFeatureNet net = new FeatureCache(FeatureCache.defaultDirectory(), FeatureCache.DEFAULT_BUDGET, out::println)
				.forDataset(data, 0);
		QualityEvaluator evaluator = QualityEvaluator.forDataset(net, data, samples, seed);
		Generator g = GanBuilder.generator(model, 0, DataType.FLOAT);
		out.println("  step        FD       KID (se)             precision  recall  k-NN coverage  dropped classes");
		try (RunWriter writer = RunWriter.reopen(run.root())) {
			for (Path file : checkpoints) {
				Checkpoint checkpoint = CheckpointFile.read(file);
				checkpoint.loadInto("G_ema/", g.params());
				QualityReport report = evaluator.evaluate(GeneratedImages.of(g, model, samples, seed));
				Map<String, Object> fields = report.fields(net);
				fields.put("source", "quality command");
				writer.quality(checkpoint.step(), fields);
				out.println(String.format(Locale.ROOT, "%6d  %8.3f  %.5f (%.5f)  %9.3f  %6.3f  %13.3f  %s",
						checkpoint.step(), report.fd(), report.kid(), report.kidStandardError(), report.precision(),
						report.recall(), report.knnCoverage(),
						report.coverage() == null ? "-" : report.coverage().message().isEmpty() ? "none"
								: report.coverage().message()));
			}
		}
		return ExitCode.OK;
	}

	/** Checkpoints whose step has no quality event yet. */
	private static List<Path> unevaluated(RunDirectory run) throws IOException {
		Set<Long> done = new HashSet<>();
		for (RunEvent e : run.readEvents()) {
			if (e.type().equals(RunEvent.QUALITY)) {
				done.add(e.step());
			}
		}
		List<Path> todo = new ArrayList<>();
		for (Path file : run.checkpointFiles()) {
			String name = file.getFileName().toString();
			String digits = name.replaceAll("\\D", "");
			if (digits.isEmpty() || !done.contains(Long.parseLong(digits))) {
				todo.add(file);
			}
		}
		return todo;
	}
}
