package org.ganworkbench.trainer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ganworkbench.model.DataSpec;
import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.ModelSource;
import org.ganworkbench.model.syntax.Problem;
import org.ganworkbench.model.Templates;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.trainer.api.debug.NonFiniteHook;
import org.ganworkbench.trainer.build.GanBuilder;
import org.ganworkbench.trainer.build.ModelException;
import org.ganworkbench.trainer.cli.Arguments.UsageException;
import org.ganworkbench.trainer.data.DatasetException;
import org.ganworkbench.trainer.data.DatasetSpec;
import org.ganworkbench.trainer.data.ImageDataset;
import org.ganworkbench.trainer.run.Checkpoint;
import org.ganworkbench.trainer.run.CheckpointFile;
import org.ganworkbench.trainer.run.LoadedBackend;
import org.ganworkbench.trainer.run.RunDescription;
import org.ganworkbench.trainer.run.RunWriter;
import org.ganworkbench.trainer.train.TrainingOptions;

/** The trainer's commands; each returns an {@link ExitCode}. */
public final class Commands {

	static final String USAGE = """
			usage:
			  train [MODEL.gan] [--run-dir D] [--steps N] [--seed S] [--dataset PATH] [--backend cpu|cuda]
			        [--gradient-check on|off] [--stop-on-nan on|off]   no MODEL: DCGAN demo on synthetic shapes
			  resume RUN_DIR [--checkpoint F] [--steps N] [--backend cpu|cuda] [--gradient-check on|off]
			        [--stop-on-nan on|off]
			                                                           N: the step to reach (default: as planned)
			  sample CHECKPOINT --truncation T --seeds A,B --out F.png [--backend cpu|cuda]
			                                                           interpolates from seed A to seed B
			  info RUN_DIR
			  compare FOLDER... [--format text|csv|json]               every run under the folders, oldest first
			  quality CHECKPOINT|RUN_DIR [--samples N] [--dataset PATH] [--backend cpu|cuda]
			                                                           FD, KID, precision/recall, class coverage
			  check-layer CLASS --input C,H,W [--classpath DIRS_OR_JARS] [--params KEY=VALUE,...]
			                                                           a custom layer's backward against finite
			                                                           differences of its forward (exit 5: fails)""";
	private static final String DEMO = "dcgan";
	private static final int DEMO_SIZE = 28;
	/** Enough for the synthetic shapes to be clearly recognisable: a few minutes on 2 cores. */
	private static final long DEMO_STEPS = 1000;

	private final PrintStream out;
	private final PrintStream err;

	public Commands(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public int run(List<String> args) {
		if (args.isEmpty()) {
			err.println(USAGE);
			return ExitCode.USAGE;
		}
		List<String> rest = args.subList(1, args.size());
		try {
			return switch (args.get(0)) {
			case "train" -> train(new Arguments(rest, List.of("run-dir", "steps", "seed", "dataset", "backend", "gradient-check",
					"stop-on-nan")));
			case "resume" -> resume(new Arguments(rest, List.of("checkpoint", "steps", "backend", "gradient-check", "stop-on-nan")));
			case "sample" -> new SampleCommand(out).run(onBackend(new Arguments(rest, List.of("truncation", "seeds", "out", "backend"))));
			case "info" -> new InfoCommand(out).run(new Arguments(rest, List.of()));
			case "compare" -> new CompareCommand(out, err).run(new Arguments(rest, List.of("format")));
			case "quality" -> new QualityCommand(out).run(onBackend(new Arguments(rest, List.of("samples", "dataset", "backend"))));
			case "check-layer" -> new CheckLayerCommand(out, err).run(new Arguments(rest, List.of("input", "classpath", "params")));
			default -> throw new UsageException("unknown command '" + args.get(0) + "'");
			};
		} catch (UsageException e) {
			err.println(e.getMessage());
			err.println(USAGE);
			return ExitCode.USAGE;
		} catch (ModelException e) {
			err.println(e.getMessage());
			return ExitCode.INVALID_MODEL;
		} catch (DatasetException e) {
			err.println("dataset: " + e.getMessage());
			return ExitCode.IO_OR_DATASET;
		} catch (IOException e) {
			err.println("I/O error: " + e.getMessage());
			return ExitCode.IO_OR_DATASET;
		} catch (LoadedBackend.UnavailableException e) {
			err.println("backend: " + e.getMessage());
			return ExitCode.BACKEND_UNAVAILABLE;
		}
	}

	private int train(Arguments args) throws UsageException, IOException, ModelException, DatasetException,
			LoadedBackend.UnavailableException {
		if (args.positional().size() > 1) {
			throw new UsageException("train takes one model file");
		}
		Path modelFile = args.positional().isEmpty() ? null : Path.of(args.positional().get(0));
		String text;
		String fileName;
		boolean checkGradients = gradientCheck(args);
		armStopOnNan(args);
		if (modelFile == null) {
			text = Templates.text(DEMO, DEMO_SIZE, 1);
			fileName = DEMO + ".gan";
		} else {
			text = read(modelFile);
			fileName = modelFile.getFileName().toString();
		}
		GanModel model = GanBuilder.parse(text, fileName);
		long seed = args.longOption("seed", model.training().seed());
		long steps = args.longOption("steps", modelFile == null ? DEMO_STEPS : model.training().steps());
		Path base = modelFile == null ? Path.of("").toAbsolutePath() : modelFile.toAbsolutePath().getParent();
		// --dataset (the launch configuration's choice) overrides the model's data path
		Path dataPath = args.option("dataset") != null ? Path.of(args.option("dataset")).toAbsolutePath()
				: dataPath(model.data(), base);
		Path runDir = args.option("run-dir") != null ? Path.of(args.option("run-dir"))
				: base.resolve("runs").resolve(model.name().isEmpty() ? "run" : model.name() + "-"
						+ LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
		LoadedBackend backend = backend(args);
		RunDescription description = new RunDescription(model.name(), seed, backend.name())
				.with("device", backend.device()).with("steps", steps)
				.with("dataset", dataset(model.data(), dataPath)).with("source", modelFile == null ? "demo:" + DEMO
						: modelFile.toAbsolutePath().toString());
		try (RunWriter writer = RunWriter.create(runDir, description, text)) {
			out.println("run directory: " + runDir.toAbsolutePath());
			out.println("backend: " + backend.name() + " (" + backend.device() + ")");
			ImageDataset data;
			try {
				data = open(model, dataPath, seed);
			} catch (DatasetException e) {
				writer.status(0, "failed", "dataset: " + e.getMessage());
				throw e;
			}
			TrainingOptions options = new TrainingOptions(model, text, data, runDir, steps, seed);
			return new TrainingSession(out, err, checkGradients).run(options, writer, null);
		}
	}

	private int resume(Arguments args) throws UsageException, IOException, ModelException, DatasetException,
			LoadedBackend.UnavailableException {
		if (args.positional().size() != 1) {
			throw new UsageException("resume takes one run directory");
		}
		LoadedBackend backend = backend(args);
		boolean checkGradients = gradientCheck(args);
		armStopOnNan(args);
		RunDirectory run = new RunDirectory(Path.of(args.positional().get(0)));
		if (!run.exists()) {
			throw new IOException(run.root() + " is not a run directory (no " + RunDirectory.DESCRIPTION + ")");
		}
		Path checkpointFile = args.option("checkpoint") != null ? Path.of(args.option("checkpoint")) : latest(run);
		String text = read(run.modelSnapshot());
		GanModel model = GanBuilder.parse(text, RunDirectory.MODEL_SNAPSHOT);
		Map<String, Object> description = run.readDescription();
		long seed = RunDescription.seed(description);
		long steps = args.longOption("steps", (long) org.ganworkbench.model.json.Json.number(description.get("steps"),
				model.training().steps()));
		Checkpoint checkpoint = CheckpointFile.read(checkpointFile);
		if (checkpoint.step() >= steps) {
			throw new UsageException("the checkpoint is at step " + checkpoint.step() + ", already at --steps " + steps);
		}
		Path dataPath = recordedDataPath(description);
		try (RunWriter writer = RunWriter.reopen(run.root())) {
			ImageDataset data;
			try {
				data = open(model, dataPath, seed);
			} catch (DatasetException e) {
				writer.status(checkpoint.step(), "failed", "dataset: " + e.getMessage());
				throw e;
			}
			out.println("resuming " + run.root() + " from " + checkpointFile.getFileName() + " on " + backend.name()
					+ " (" + backend.device() + ")");
			TrainingOptions options = new TrainingOptions(model, text, data, run.root(), steps, seed);
			return new TrainingSession(out, err, checkGradients).run(options, writer, checkpoint);
		}
	}

	/** The backend asked for (cpu by default), when it is the one ND4J loaded. */
	private static LoadedBackend backend(Arguments args) throws UsageException, LoadedBackend.UnavailableException {
		String backend = args.option("backend") == null ? LoadedBackend.CPU : args.option("backend");
		if (!backend.equals(LoadedBackend.CPU) && !backend.equals(LoadedBackend.CUDA)) {
			throw new UsageException("--backend is cpu or cuda, got '" + backend + "'");
		}
		return LoadedBackend.require(backend);
	}

	/** --stop-on-nan on: the first non-finite output or gradient calls NonFiniteHook.firstNonFinite (off by default). */
	private static void armStopOnNan(Arguments args) throws UsageException {
		String value = args.option("stop-on-nan");
		if ("on".equals(value)) {
			NonFiniteHook.arm();
		} else if (value != null && !value.equals("off")) {
			throw new UsageException("--stop-on-nan is on or off, got '" + value + "'");
		}
	}

	/** Whether the run's start checks the custom layers' gradients: --gradient-check on (the default) or off. */
	private static boolean gradientCheck(Arguments args) throws UsageException {
		String value = args.option("gradient-check");
		if (value == null || value.equals("on")) {
			return true;
		}
		if (value.equals("off")) {
			return false;
		}
		throw new UsageException("--gradient-check is on or off, got '" + value + "'");
	}

	/** The arguments, once the backend they ask for is the one ND4J loaded. */
	private static Arguments onBackend(Arguments args) throws UsageException, LoadedBackend.UnavailableException {
		backend(args);
		return args;
	}

	static Path latest(RunDirectory run) throws IOException {
		List<Path> files = run.checkpointFiles();
		if (files.isEmpty()) {
			throw new IOException(run.checkpoints() + ": no checkpoint to resume from");
		}
		return files.get(files.size() - 1);
	}

	/** A model file's text, decoded by the model bundle: bytes that are not UTF-8 fail with their line. */
	static String read(Path file) throws IOException {
		ModelSource source;
		try {
			source = ModelSource.decode(Files.readAllBytes(file));
		} catch (NoSuchFileException e) {
			throw new IOException(file + ": no such file");
		}
		List<Problem> problems = source.problems();
		if (!problems.isEmpty()) {
			throw new IOException(file + ":" + problems.get(0) + (problems.size() > 1 ? " (and more)" : ""));
		}
		return source.text();
	}

	private static Path dataPath(DataSpec data, Path base) {
		return data.path() == null ? null : base.resolve(data.path()).normalize();
	}

	private static Map<String, Object> dataset(DataSpec data, Path path) {
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("source", data.source().keyword());
		if (path != null) {
			info.put("path", path.toAbsolutePath().toString());
		}
		info.put("image", List.of(data.channels(), data.height(), data.width()));
		info.put("classes", data.classes());
		return info;
	}

	static Path recordedDataPath(Map<String, Object> description) {
		Object dataset = description.get("dataset");
		if (dataset instanceof Map<?, ?> map && map.get("path") instanceof String path) {
			return Path.of(path);
		}
		return null;
	}

	static ImageDataset open(GanModel model, Path path, long seed) throws DatasetException {
		DataSpec data = model.data();
		if (data.height() != data.width()) {
			throw new DatasetException("images must be square, the model says " + data.height() + "x" + data.width());
		}
		DatasetSpec.Kind kind = switch (data.source()) {
		case SYNTHETIC -> DatasetSpec.Kind.SYNTHETIC;
		case FASHION_MNIST -> DatasetSpec.Kind.FASHION_MNIST;
		case IMAGE_FOLDER -> DatasetSpec.Kind.FOLDER;
		};
		if (kind == DatasetSpec.Kind.FOLDER && path == null) {
			throw new DatasetException("source = image_folder needs 'path' in the data block");
		}
		ImageDataset dataset = new DatasetSpec(kind, path, data.height(), data.channels(), seed).open();
		if (data.classes() > 0 && dataset.classes() < data.classes()) {
			throw new DatasetException(dataset.description() + " has " + dataset.classes() + " classes, the model needs "
					+ data.classes());
		}
		return dataset;
	}

	/** For {@link InfoCommand}: the last event of a type, or null. */
	static RunEvent last(List<RunEvent> events, String type) {
		RunEvent found = null;
		for (RunEvent e : events) {
			if (e.type().equals(type)) {
				found = e;
			}
		}
		return found;
	}
}
