package org.ganworkbench.ui.internal.views;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.ganworkbench.core.internal.launching.TrainerClasspath;
import org.ganworkbench.model.run.RunDirectory;

/**
 * Runs the trainer's {@code sample} command on a checkpoint of a run: an interpolation (images along
 * the line from the latent of one seed to that of another, from the latest checkpoint), or the run's
 * sample grid at any truncation (from the checkpoint nearest to a step). The outcome (an image or a
 * message) is kept for the view, which reads it when the job is done; a missing checkpoint or a
 * failing trainer is the user's business, not an error of the IDE, so the job itself always ends OK.
 */
final class SampleCommandJob extends Job {

	private final RunDirectory run;
	private final long step;
	private final double truncation;
	private final long[] seeds;
	private final Path output;
	private volatile SampleImage result;
	private volatile String problem;

	private SampleCommandJob(String name, RunDirectory run, long step, double truncation, long[] seeds, Path output) {
		super(name);
		this.run = run;
		this.step = step;
		this.truncation = truncation;
		this.seeds = seeds;
		this.output = output;
	}

	/** Images from seed A to seed B at a truncation, from the latest checkpoint, into output. */
	static SampleCommandJob interpolation(RunDirectory run, double truncation, long seedA, long seedB, Path output) {
		return new SampleCommandJob(Messages.InterpolationJob_name, run, Long.MAX_VALUE, truncation,
				new long[] { seedA, seedB }, output);
	}

	/** The run's sample grid at a truncation, from its checkpoint nearest to step, into output. */
	static SampleCommandJob grid(RunDirectory run, long step, double truncation, Path output) {
		return new SampleCommandJob(Messages.SampleCommandJob_grid, run, step, truncation, null, output);
	}

	/** The images made, or null (see {@link #problem()}). */
	SampleImage result() {
		return result;
	}

	String problem() {
		return problem;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		try {
			Path checkpoint = nearestCheckpoint();
			if (checkpoint == null) {
				problem = Messages.InterpolationJob_noCheckpoint;
				return Status.OK_STATUS;
			}
			Files.createDirectories(output.getParent());
			TrainerClasspath.Finished finished = TrainerClasspath.run(command(checkpoint), monitor);
			if (finished == null) {
				return Status.CANCEL_STATUS;
			}
			if (finished.exitCode() != 0 || !Files.isRegularFile(output)) {
				problem = NLS.bind(Messages.InterpolationJob_failed, finished.exitCode(), finished.output().strip());
				return Status.OK_STATUS;
			}
			String caption = seeds != null
					? NLS.bind(Messages.InterpolationJob_caption, new Object[] { seeds[0], seeds[1],
							checkpoint.getFileName(), format(truncation) })
					: NLS.bind(Messages.SampleCommandJob_gridCaption, RunDirectory.checkpointStep(checkpoint),
							format(truncation));
			result = SampleImage.load(output, caption);
		} catch (IOException | CoreException e) {
			problem = NLS.bind(Messages.InterpolationJob_notStarted, e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Status.CANCEL_STATUS;
		}
		return Status.OK_STATUS;
	}

	/** The checkpoint nearest to the step asked for (the later one on a tie), or null without one. */
	private Path nearestCheckpoint() throws IOException {
		Path nearest = null;
		for (Path checkpoint : run.checkpointFiles()) {
			if (nearest == null || Math.abs(RunDirectory.checkpointStep(checkpoint) - (double) step) <= Math
					.abs(RunDirectory.checkpointStep(nearest) - (double) step)) {
				nearest = checkpoint;
			}
		}
		return nearest;
	}

	private List<String> command(Path checkpoint) throws CoreException {
		List<String> command = new ArrayList<>(TrainerClasspath.command("sample", checkpoint.toString(), //$NON-NLS-1$
				"--truncation", format(truncation), "--out", output.toString())); //$NON-NLS-1$ //$NON-NLS-2$
		if (seeds != null) {
			command.add("--seeds"); //$NON-NLS-1$
			command.add(seeds[0] + "," + seeds[1]); //$NON-NLS-1$
		}
		return command;
	}

	static String format(double truncation) {
		return String.format(Locale.ROOT, "%.2f", truncation); //$NON-NLS-1$
	}
}
