package org.ganworkbench.core.runs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunState;
import org.ganworkbench.model.run.RunSummary;
import org.ganworkbench.model.run.RunSummaryCache;
import org.ganworkbench.model.run.TrainerProcess;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The runs the Runs view lists: every run directory under the GAN projects' runs/ folders (sweep
 * folders included) and under the folders the user added. Summaries come from one
 * {@link RunSummaryCache}, kept in the core's state location between sessions, so that an ended run's
 * log is read once. Reads on the calling thread: call it from a job.
 */
public final class RunCatalog {

	private static final String CACHE_FILE = "run-summaries.json"; //$NON-NLS-1$
	private static final String FOLDERS_KEY = "runFolders"; //$NON-NLS-1$

	private final RunSummaryCache cache;
	private final Path cacheFile;
	private final Supplier<List<Path>> projectFolders;

	private RunCatalog(RunSummaryCache cache, Path cacheFile, Supplier<List<Path>> projectFolders) {
		this.cache = cache;
		this.cacheFile = cacheFile;
		this.projectFolders = projectFolders;
	}

	/**
	 * The catalog with the cache the last session saved (an unreadable cache starts empty).
	 *
	 * @param projectFolders the GAN projects' runs/ folders ({@code GanProjects::runFolders}); given, so
	 *        that this package needs nothing of the projects' one
	 */
	public static RunCatalog open(Supplier<List<Path>> projectFolders) {
		Path file = Platform.getStateLocation(FrameworkUtil.getBundle(RunCatalog.class)).toPath().resolve(CACHE_FILE);
		return new RunCatalog(RunSummaryCache.load(file), file, projectFolders);
	}

	/** The folders searched: each open GAN project's runs/ folder, then the folders the user added. */
	public List<Path> folders() {
		Set<Path> folders = new LinkedHashSet<>(projectFolders.get());
		folders.addAll(addedFolders());
		return List.copyOf(folders);
	}

	/** Folders the user added to the Runs view, in the order added. */
	public static List<Path> addedFolders() {
		String value = preferences().get(FOLDERS_KEY, ""); //$NON-NLS-1$
		List<Path> folders = new ArrayList<>();
		for (String folder : value.split(File.pathSeparator)) {
			if (!folder.isBlank()) {
				folders.add(Path.of(folder));
			}
		}
		return folders;
	}

	public static void addFolder(Path folder) throws BackingStoreException {
		List<Path> folders = new ArrayList<>(addedFolders());
		Path added = folder.toAbsolutePath().normalize();
		if (!folders.contains(added)) {
			folders.add(added);
			saveFolders(folders);
		}
	}

	public static void removeFolder(Path folder) throws BackingStoreException {
		List<Path> folders = new ArrayList<>(addedFolders());
		if (folders.remove(folder.toAbsolutePath().normalize())) {
			saveFolders(folders);
		}
	}

	private static void saveFolders(List<Path> folders) throws BackingStoreException {
		IEclipsePreferences preferences = preferences();
		preferences.put(FOLDERS_KEY, String.join(File.pathSeparator, folders.stream().map(Path::toString).toList()));
		preferences.flush();
	}

	private static IEclipsePreferences preferences() {
		return InstanceScope.INSTANCE.getNode(FrameworkUtil.getBundle(RunCatalog.class).getSymbolicName());
	}

	/**
	 * Every run of {@link #folders()}, oldest first within each folder; a folder that does not exist
	 * (yet) has none. Saves the cache for the next session.
	 */
	public List<RunSummary> summaries(IProgressMonitor monitor) throws IOException {
		List<Path> folders = folders();
		SubMonitor progress = SubMonitor.convert(monitor, folders.size() + 1);
		List<RunSummary> runs = new ArrayList<>();
		for (Path folder : folders) {
			progress.checkCanceled();
			try {
				for (RunSummary run : cache.summaries(folder)) {
					runs.add(withTrainerAsSeen(run));
				}
			} catch (NoSuchFileException e) {
				// a GAN project that has not trained yet
			}
			progress.worked(1);
		}
		saveQuietly();
		progress.worked(1);
		return runs;
	}

	/** The summary of one run now (a live run's new events, a label the user changed). */
	public RunSummary summary(Path run) {
		return withTrainerAsSeen(cache.summary(run));
	}

	/**
	 * A log that says "running" is believed only while its trainer lives: on this host its
	 * process.json must name a live process; a run recorded on another host cannot be checked from here.
	 */
	static RunSummary withTrainerAsSeen(RunSummary run) {
		if (run.state() != RunState.RUNNING) {
			return run;
		}
		Optional<TrainerProcess> process = TrainerProcess.read(new RunDirectory(run.directory()));
		String host = TrainerProcess.localHost();
		if (process.isPresent() && !process.get().host().equals(host)) {
			return run;
		}
		return process.flatMap(p -> p.liveTrainer(host)).isPresent() ? run : run.withTrainerGone();
	}

	private void saveQuietly() {
		try {
			Files.createDirectories(cacheFile.getParent());
			cache.save(cacheFile);
		} catch (IOException e) {
			// the cache only saves time; the next session reads the logs again
		}
	}
}
