package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.trainer.build.GanBuilder;
import org.ganworkbench.trainer.data.ImageDataset;
import org.ganworkbench.trainer.data.SyntheticShapes;
import org.ganworkbench.trainer.nn.Param;
import org.ganworkbench.trainer.quality.FeatureCache;
import org.ganworkbench.trainer.quality.QualityEvaluator;
import org.ganworkbench.trainer.quality.QualityMonitor;
import org.ganworkbench.trainer.run.RunDescription;
import org.ganworkbench.trainer.run.RunWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The quality monitor of a run: a stop ends its feature network's training, evaluations queue behind
 * one another, and a network that cannot be stored or made costs no more than it must.
 */
class QualityMonitorTest {

	private static final int SAMPLES = 200;

	@TempDir
	Path dir;

	private final ImageDataset data = new SyntheticShapes(8, 1, 0);
	private final List<String> log = new CopyOnWriteArrayList<>();
	private GanModel model;
	private List<Param> emaParams;

	@BeforeEach
	void setUp() throws Exception {
		model = GanBuilder.parse(TrainingFixtures.tiny("dcgan", 1), "m.gan");
		emaParams = GanBuilder.generator(model, 1, DataType.FLOAT).params();
	}

	@Test
	void aStopRequestEndsTheFeatureNetworksTrainingAndStoresNothing() throws Exception {
		Path cache = dir.resolve("features");
		try (RunWriter writer = RunWriter.create(dir.resolve("run"), new RunDescription("m", 1, "cpu"), "")) {
			QualityMonitor monitor = monitor(writer, cache, FeatureCache.DEFAULT_BUDGET, 0);
			// as Ctrl-C does: the shutdown hook asks while the session's thread prepares
			Thread preparing = new Thread(monitor::prepare);
			preparing.start();
			awaitLine("feature net:  ");
			monitor.requestStop();
			preparing.join();
			monitor.submit(1, emaParams);
			monitor.cancel();
		}
		assertTrue(log.stream().anyMatch(line -> line.startsWith("feature net: training stopped at")), log.toString());
		assertTrue(log.stream().noneMatch(line -> line.contains("saved to")), log.toString());
		assertFalse(Files.isDirectory(cache) && hasFiles(cache), "a stopped training stores no network");
		List<RunEvent> events = new RunDirectory(dir.resolve("run")).readEvents();
		assertTrue(events.stream().noneMatch(e -> e.type().equals(RunEvent.QUALITY) || e.type().equals(RunEvent.WARNING)),
				"a stop is not a failure, and the waiting evaluation is dropped: " + events);
	}

	@Test
	void aWaitingEvaluationIsReplacedByANewerOneAndTheLastIsWritten() throws Exception {
		Path cache = dir.resolve("features");
		try (RunWriter writer = RunWriter.create(dir.resolve("run"), new RunDescription("m", 1, "cpu"), "")) {
			QualityMonitor monitor = monitor(writer, cache, 20_000, 0);
			monitor.prepare();
			monitor.submit(1, emaParams);
			monitor.submit(2, emaParams);
			monitor.close();
		}
		List<RunEvent> quality = new RunDirectory(dir.resolve("run")).readEvents().stream()
				.filter(e -> e.type().equals(RunEvent.QUALITY)).toList();
		assertFalse(quality.isEmpty(), log.toString());
		assertEquals(2, quality.get(quality.size() - 1).step(), "the last step's evaluation is written");
		assertTrue(Double.isFinite(quality.get(quality.size() - 1).number("fd")));
		assertTrue(hasFiles(cache), "the network is stored for the next run");
	}

	@Test
	void aNetworkThatCannotBeStoredStillServesTheRunAndTheConsoleSaysWhy() throws Exception {
		Path notADirectory = dir.resolve("features");
		Files.writeString(notADirectory, "a file where the cache directory should be");
		try (RunWriter writer = RunWriter.create(dir.resolve("run"), new RunDescription("m", 1, "cpu"), "")) {
			QualityMonitor monitor = monitor(writer, notADirectory, 1_000, 0);
			monitor.prepare();
			monitor.submit(1, emaParams);
			monitor.close();
		}
		assertTrue(log.stream().anyMatch(line -> line.contains("cannot be stored in " + notADirectory)
				&& line.contains("the next run on this dataset trains it again")), log.toString());
		List<RunEvent> events = new RunDirectory(dir.resolve("run")).readEvents();
		assertEquals(List.of(1L), events.stream().filter(e -> e.type().equals(RunEvent.QUALITY)).map(RunEvent::step)
				.toList(), events.toString());
	}

	@Test
	void aNetworkThatCannotBeMadeTurnsQualityOffWithAWarning() throws Exception {
		try (RunWriter writer = RunWriter.create(dir.resolve("run"), new RunDescription("m", 1, "cpu"), "")) {
			// as when the dataset's file is gone by the time the reference images are read
			QualityMonitor monitor = new QualityMonitor(model, stop -> {
				throw new IOException("train-images-idx3-ubyte.gz: no such file");
			}, writer, SAMPLES, 1, 7, log::add);
			monitor.prepare();
			monitor.submit(8, emaParams);
			monitor.close();
		}
		List<RunEvent> events = new RunDirectory(dir.resolve("run")).readEvents();
		assertTrue(events.stream().noneMatch(e -> e.type().equals(RunEvent.QUALITY)), events.toString());
		RunEvent warning = events.stream().filter(e -> e.type().equals(RunEvent.WARNING)).findFirst().orElseThrow();
		assertEquals(7, warning.step());
		assertTrue(warning.text("message").startsWith("quality metrics are off: ")
				&& warning.text("message").contains("train-images-idx3-ubyte.gz: no such file"), warning.text("message"));
	}

	/** A monitor whose feature network comes from {@code cache}, trained on up to {@code budget} images. */
	private QualityMonitor monitor(RunWriter writer, Path cache, long budget, long step) throws Exception {
		return new QualityMonitor(model, stop -> QualityEvaluator.forDataset(
				new FeatureCache(cache, budget, log::add, stop).forDataset(data, 0), data, SAMPLES, 1), writer, SAMPLES, 1,
				step, log::add);
	}

	private void awaitLine(String prefix) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 120_000;
		while (log.stream().noneMatch(line -> line.startsWith(prefix))) {
			assertTrue(System.currentTimeMillis() < deadline, "no line starting with '" + prefix + "': " + log);
			Thread.sleep(20);
		}
	}

	private static boolean hasFiles(Path directory) throws java.io.IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.findAny().isPresent();
		}
	}
}
