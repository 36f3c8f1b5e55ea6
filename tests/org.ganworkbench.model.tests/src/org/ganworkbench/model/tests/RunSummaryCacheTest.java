package org.ganworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunState;
import org.ganworkbench.model.run.RunSummary;
import org.ganworkbench.model.run.RunSummaryCache;
import org.ganworkbench.model.run.UserLabels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Summaries are reused while a run's log and labels are unchanged, and read again when they change.
 * The tests see which by renaming the model in run.json, which the cache does not watch (the trainer
 * never rewrites it): a reused summary still has the old name.
 */
class RunSummaryCacheTest {

	@TempDir
	Path dir;

	@Test
	void anEndedRunIsReusedUntilItsLogChangesInSizeOrTime() throws Exception {
		HandWrittenRun run = finished(dir.resolve("run"));
		RunSummaryCache cache = new RunSummaryCache();
		assertEquals("m", cache.summary(run.root()).model());
		renameModel(run.root(), "m2");
		assertEquals("m", cache.summary(run.root()).model(), "reused");

		run.quality(100, 12.5, 0.01, 0.5, 0.5); // the quality command appends
		RunSummary again = cache.summary(run.root());
		assertEquals("m2", again.model(), "the log grew: read again");
		assertEquals(12.5, again.fd());

		renameModel(run.root(), "m3");
		Path log = new RunDirectory(run.root()).events();
		Files.setLastModifiedTime(log, FileTime.from(Files.getLastModifiedTime(log).toInstant().plusSeconds(5)));
		assertEquals("m3", cache.summary(run.root()).model(), "same size, another time: read again");
	}

	@Test
	void aRunningRunIsReadEveryTime() throws Exception {
		HandWrittenRun run = HandWrittenRun.create(dir.resolve("run"));
		run.start("running", 0, 100);
		RunSummaryCache cache = new RunSummaryCache();
		assertEquals(RunState.RUNNING, cache.summary(run.root()).state());
		renameModel(run.root(), "m2");
		assertEquals("m2", cache.summary(run.root()).model());
	}

	@Test
	void newLabelsAreSeenAtOnce() throws Exception {
		HandWrittenRun run = finished(dir.resolve("run"));
		RunSummaryCache cache = new RunSummaryCache();
		assertEquals("run", cache.summary(run.root()).name());
		new UserLabels("best so far", List.of("keep"), null).write(run.root());
		assertEquals("best so far", cache.summary(run.root()).name());
		assertEquals(List.of("keep"), cache.summary(run.root()).tags());
	}

	@Test
	void aSavedCacheIsUsedByTheNextSessionAndACorruptOneIsIgnored() throws Exception {
		HandWrittenRun run = finished(dir.resolve("runs/run"));
		Path file = dir.resolve("cache/runs.json");
		RunSummaryCache cache = new RunSummaryCache();
		RunSummary summary = cache.summary(run.root());
		cache.save(file);

		renameModel(run.root(), "m2");
		RunSummaryCache loaded = RunSummaryCache.load(file);
		assertEquals(summary, loaded.summary(run.root()), "the saved summary, not read again");

		String saved = Files.readString(file);
		for (String corrupt : List.of(saved.substring(0, saved.length() / 2), "\u0000\u0001garbage",
				saved.replace("\"state\":\"finished\"", "\"state\":7"), "[]")) {
			Files.writeString(file, corrupt);
			assertEquals("m2", RunSummaryCache.load(file).summary(run.root()).model(), corrupt);
		}
		assertEquals("m2", RunSummaryCache.load(dir.resolve("none.json")).summary(run.root()).model());
	}

	@Test
	void everyRunUnderAFolderIsFoundButNotInsideARun() throws Exception {
		finished(dir.resolve("sweep/lr-1e-4"));
		HandWrittenRun nested = finished(dir.resolve("sweep/more/lr-2e-4"));
		HandWrittenRun older = HandWrittenRun.create(dir.resolve("sweep/lr-3e-4"), Instant.parse("2025-01-01T00:00:00Z"));
		// a run copied into a run's folder, a hidden one, a folder that only looks like one
		finished(nested.root().resolve("samples/copied"));
		finished(dir.resolve("sweep/.trash/old"));
		Files.createDirectories(dir.resolve("sweep/empty"));
		Files.writeString(dir.resolve("sweep/empty/model.gan"), "gan m {}\n");

		assertEquals(List.of(dir.resolve("sweep/lr-1e-4"), older.root(), nested.root()),
				RunDirectory.findAll(dir.resolve("sweep")));
		assertEquals(List.of(nested.root()), RunDirectory.findAll(nested.root()), "a run folder itself");
		assertThrows(NoSuchFileException.class, () -> RunDirectory.findAll(dir.resolve("nowhere")));

		RunSummaryCache cache = new RunSummaryCache();
		List<String> names = cache.summaries(dir.resolve("sweep")).stream().map(RunSummary::name).toList();
		assertEquals(List.of("lr-3e-4", "lr-1e-4", "lr-2e-4"), names, "oldest first");
	}

	/** A run that ran 100 steps and finished, created at {@link HandWrittenRun#CREATED}. */
	private static HandWrittenRun finished(Path root) throws Exception {
		HandWrittenRun run = HandWrittenRun.create(root);
		return run.start("running", 0, 100).metrics(100, 500).quality(100, 20, 0.02, 0.5, 0.5).status(100, "finished");
	}

	private static void renameModel(Path run, String model) throws Exception {
		Path description = new RunDirectory(run).description();
		Files.writeString(description, Files.readString(description).replaceFirst("\"model\":\"\\w+\"",
				"\"model\":\"" + model + "\""));
	}
}
