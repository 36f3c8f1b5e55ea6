package org.ganworkbench.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.ModelDocument;
import org.ganworkbench.model.ModelWriter;
import org.ganworkbench.model.run.MetricNames;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.sweep.SweepSpec;
import org.ganworkbench.model.syntax.Problem;
import org.ganworkbench.model.syntax.Severity;
import org.ganworkbench.sweep.plan.SuccessiveHalving;
import org.ganworkbench.sweep.plan.SweepFile;
import org.ganworkbench.sweep.plan.SweepPlan;
import org.ganworkbench.sweep.plan.Trial;
import org.ganworkbench.sweep.plan.TrialProgress;
import org.ganworkbench.sweep.plan.TrialRecord;
import org.ganworkbench.sweep.spark.SparkTrials;
import org.ganworkbench.sweep.trial.TrialJob;

/**
 * Runs a model's sweep: the trial list from its sweep block, one trial model file and one run
 * directory per trial under the sweep directory, the trials as Spark tasks, and meanwhile, every
 * second, sweep.json brought up to date, successive halving applied and progress printed. Running the
 * same sweep again skips the trials that are done and resumes the others.
 */
public final class SweepDriver {

	/** What the command line (or the IDE's launch) asks for; nulls take the model's or the defaults. */
	public record Options(Path model, String master, Integer parallel, Path directory, Long steps, String trainerClasspath) {
	}

	public static final int OK = 0;
	public static final int TRIALS_LEFT = 1;
	public static final int INVALID_MODEL = 2;

	private final PrintStream out;
	private final PrintStream err;
	private final Map<String, String> ended = new ConcurrentHashMap<>();
	private final Map<String, String> printed = new HashMap<>();
	private String modelPath = "";

	public SweepDriver(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public int run(Options options) throws IOException, InterruptedException {
		Path modelFile = options.model().toAbsolutePath();
		modelPath = modelFile.toString();
		ModelDocument document = ModelDocument.read(Files.readAllBytes(modelFile));
		List<Problem> errors = document.problems().stream().filter(p -> p.severity() == Severity.ERROR).toList();
		if (!errors.isEmpty()) {
			errors.forEach(p -> err.println(modelFile + ":" + p));
			return INVALID_MODEL;
		}
		GanModel model = document.model();
		SweepSpec sweep = model.sweep();
		if (sweep == null) {
			err.println(modelFile + ": the model has no sweep block: add 'sweep { vary \"training.g_optimizer.lr\" { values = [...] } }'"
					+ " inside the gan block (docs/sweeps.md)");
			return INVALID_MODEL;
		}
		int parallel = options.parallel() != null ? options.parallel() : sweep.parallel();
		String master = options.master() == null ? "local" : options.master();
		SparkTrials.checkReachable(master);
		String text = new String(Files.readAllBytes(modelFile), StandardCharsets.UTF_8);
		String baseName = modelFile.getFileName().toString().replaceFirst("\\.gan$", "");
		// beside the model's runs, where the Runs view finds the trials and groups them under the sweep
		Path directory = (options.directory() != null ? options.directory()
				: modelFile.getParent().resolve("runs").resolve(baseName + "-sweep")).toAbsolutePath();
		long steps = options.steps() != null ? options.steps() : model.training().steps();
		List<Trial> trials = SweepPlan.trials(sweep, model.training().seed());
		Map<String, String> recorded = SweepFile.states(directory);
		if (!recorded.isEmpty() && !recorded.keySet().equals(trials.stream().map(Trial::name).collect(Collectors.toSet()))) {
			err.println(directory.resolve(SweepFile.NAME) + " belongs to another sweep (its trials differ from this model's):"
					+ " give another --dir, or move that folder away");
			return INVALID_MODEL;
		}
		// Each trial's model must be valid as a whole: a width that suits one layer may not suit the next.
		Map<String, String> trialTexts = new LinkedHashMap<>();
		boolean invalid = false;
		for (Trial trial : trials) {
			String trialText = trialText(text, trial, modelFile.getParent());
			for (Problem p : ModelDocument.parse(trialText).problems()) {
				if (p.severity() == Severity.ERROR) {
					err.println(modelFile + ": trial " + trial.name() + " " + trial.values() + ": " + p);
					invalid = true;
				}
			}
			trialTexts.put(trial.name(), trialText);
		}
		if (invalid) {
			return INVALID_MODEL;
		}
		Files.createDirectories(directory.resolve("models"));
		Files.deleteIfExists(TrialJob.stopAllMarker(directory)); // a stop asked of an earlier run of the sweep
		int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / parallel);
		String classpath = options.trainerClasspath() != null ? options.trainerClasspath() : System.getProperty("java.class.path");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<TrialJob> jobs = new ArrayList<>();
		for (Trial trial : trials) {
			String state = recorded.get(trial.name());
			if (state != null && (state.equals(TrialRecord.FINISHED) || state.equals(TrialRecord.DIVERGED)
					|| state.equals(TrialRecord.PRUNED))) {
				ended.put(trial.name(), state);
				continue;
			}
			Path trialModel = directory.resolve("models").resolve(trial.name() + ".gan");
			Files.writeString(trialModel, trialTexts.get(trial.name()), StandardCharsets.UTF_8);
			jobs.add(new TrialJob(directory.toString(), trial.name(), trialModel.toString(), classpath, java, steps, threads, "2g"));
		}
		out.printf(Locale.ROOT, "sweep %s: %d trials (%d to run), %d at a time on %s, %d threads each; objective %s (%s)%n",
				directory, trials.size(), jobs.size(), parallel, SparkTrials.master(master, parallel), threads, sweep.objective(),
				sweep.maximize() ? "maximised" : "minimised");
		SuccessiveHalving halving = sweep.halving() ? new SuccessiveHalving(rungInterval(model), sweep.maximize()) : null;
		Thread stopOnExit = new Thread(() -> stopAll(directory, trials, sweep, master), "stop the sweep");
		Runtime.getRuntime().addShutdownHook(stopOnExit);
		Thread monitor = new Thread(() -> monitor(directory, trials, sweep, master, steps, halving), "sweep monitor");
		monitor.setDaemon(true);
		monitor.start();
		try {
			if (!jobs.isEmpty()) {
				ended.putAll(SparkTrials.run(master, parallel, jobs, "gan-sweep " + baseName));
			}
		} finally {
			monitor.interrupt();
			monitor.join(5000);
			Runtime.getRuntime().removeShutdownHook(stopOnExit);
		}
		List<TrialRecord> records = records(directory, trials, progress(directory, trials, sweep), sweep);
		SweepFile.write(directory, modelPath, sweep, master, records);
		printTable(records, sweep);
		return records.stream().allMatch(TrialRecord::done) ? OK : TRIALS_LEFT;
	}

	/** Halving's rungs: each quality evaluation for a quality objective, else each checkpoint. */
	private static long rungInterval(GanModel model) {
		int quality = model.training().intervals().quality();
		return quality > 0 && MetricNames.QUALITY.contains(model.sweep().objective()) ? quality
				: model.training().intervals().checkpoints();
	}

	/** The trial's model: its values set, and a relative data path made absolute (the file moves to models/). */
	static String trialText(String text, Trial trial, Path modelFolder) {
		String trialText = SweepPlan.modelText(text, trial);
		String path = ModelDocument.parse(trialText).model().data().path();
		if (path != null && !Path.of(path).isAbsolute()) {
			String absolute = modelFolder.resolve(path).normalize().toString().replace("\\", "\\\\").replace("\"", "\\\"");
			trialText = ModelWriter.set(trialText, "data.path", "\"" + absolute + "\"");
		}
		return trialText;
	}

	private void monitor(Path directory, List<Trial> trials, SweepSpec sweep, String master, long steps,
			SuccessiveHalving halving) {
		while (!Thread.currentThread().isInterrupted()) {
			try {
				Thread.sleep(1000);
				Map<String, TrialProgress> progress = progress(directory, trials, sweep);
				List<TrialRecord> records = records(directory, trials, progress, sweep);
				if (halving != null) {
					prune(directory, records, progress, halving);
				}
				SweepFile.write(directory, modelPath, sweep, master, records);
				printChanges(records, sweep, steps);
			} catch (InterruptedException e) {
				return;
			} catch (IOException | RuntimeException e) {
				err.println("sweep monitor: " + e.getMessage()); // the next look may succeed; the trials go on
			}
		}
	}

	private void prune(Path directory, List<TrialRecord> records, Map<String, TrialProgress> progress,
			SuccessiveHalving halving) throws IOException {
		Map<String, NavigableMap<Long, Double>> objectives = new LinkedHashMap<>();
		Map<String, Long> lastStep = new HashMap<>();
		Set<String> running = new HashSet<>();
		for (TrialRecord record : records) {
			String name = record.trial().name();
			objectives.put(name, progress.get(name).objective());
			lastStep.put(name, progress.get(name).lastStep());
			if (record.state().equals(TrialRecord.RUNNING)) {
				running.add(name);
			}
		}
		for (String name : halving.toStop(objectives, lastStep, running)) {
			Path marker = TrialJob.stopMarker(directory, name);
			Files.createDirectories(marker.getParent());
			Files.writeString(marker, "successive halving: in the worst half of the trials at step "
					+ lastStep.get(name) + "\n");
			out.println(name + ": stopped by successive halving at step " + lastStep.get(name));
		}
	}

	/** Each trial's run directory as it is now, read once a look for both sweep.json and halving. */
	private static Map<String, TrialProgress> progress(Path directory, List<Trial> trials, SweepSpec sweep) throws IOException {
		Map<String, TrialProgress> progress = new HashMap<>();
		for (Trial trial : trials) {
			progress.put(trial.name(), TrialProgress.read(new RunDirectory(directory.resolve(trial.name())), sweep.objective()));
		}
		return progress;
	}

	private List<TrialRecord> records(Path directory, List<Trial> trials, Map<String, TrialProgress> progressByTrial,
			SweepSpec sweep) {
		List<TrialRecord> records = new ArrayList<>();
		for (Trial trial : trials) {
			TrialProgress progress = progressByTrial.get(trial.name());
			String result = ended.get(trial.name());
			String state;
			String message = progress.message();
			if (result != null && result.startsWith(TrialRecord.FAILED)) {
				state = TrialRecord.FAILED;
				message = result.substring(Math.min(result.length(), TrialRecord.FAILED.length() + 2));
			} else if (result != null) {
				state = result;
			} else if (Files.exists(TrialJob.stopMarker(directory, trial.name()))) {
				state = TrialRecord.PRUNED;
			} else {
				state = progress == TrialProgress.NONE ? TrialRecord.PENDING : TrialRecord.RUNNING;
			}
			records.add(new TrialRecord(trial, state, progress.lastStep(), progress.best(sweep.maximize()), message));
		}
		return records;
	}

	private void printChanges(List<TrialRecord> records, SweepSpec sweep, long steps) {
		for (TrialRecord record : records) {
			String line = record.state() + (record.state().equals(TrialRecord.RUNNING) ? " step " + record.step() / 10 * 10 : "");
			if (!line.equals(printed.put(record.trial().name(), line)) && !record.state().equals(TrialRecord.PENDING)) {
				out.printf(Locale.ROOT, "%s: %s, step %d/%d, %s %s%n", record.trial().name(), record.state(), record.step(), steps,
						sweep.objective(), record.objective() == null ? "-" : String.format(Locale.ROOT, "%.4g", record.objective()));
			}
		}
	}

	private void printTable(List<TrialRecord> records, SweepSpec sweep) {
		out.printf(Locale.ROOT, "%-48s %-11s %8s %12s%n", "trial", "state", "step", sweep.objective());
		for (TrialRecord record : records) {
			out.printf(Locale.ROOT, "%-48s %-11s %8d %12s%n", record.trial().name(), record.state(), record.step(),
					record.objective() == null ? "-" : String.format(Locale.ROOT, "%.4g", record.objective()));
		}
		TrialRecord best = SweepFile.best(records, sweep);
		out.println(best == null ? "best: none yet (no trial logged " + sweep.objective() + ")"
				: String.format(Locale.ROOT, "best: %s (%s %.4g)", best.trial().name(), sweep.objective(), best.objective()));
	}

	/** Ctrl-C or Terminate: every runner stops its trainer with a checkpoint; sweep.json says so. */
	private void stopAll(Path directory, List<Trial> trials, SweepSpec sweep, String master) {
		try {
			Path marker = TrialJob.stopAllMarker(directory);
			Files.createDirectories(marker.getParent());
			Files.writeString(marker, "the sweep was stopped\n");
			for (Trial trial : trials) {
				ended.putIfAbsent(trial.name(), TrialRecord.INTERRUPTED);
			}
			// the runners' own hook waits for their trainers' checkpoints in this JVM; on a cluster they see the marker
			Thread.sleep(1500);
			SweepFile.write(directory, modelPath, sweep, master, records(directory, trials, progress(directory, trials, sweep), sweep));
		} catch (IOException | InterruptedException e) {
			err.println("stopping the sweep: " + e.getMessage());
		}
	}
}
