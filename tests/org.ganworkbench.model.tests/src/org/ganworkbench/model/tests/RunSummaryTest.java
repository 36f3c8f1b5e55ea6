package org.ganworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.model.run.RunState;
import org.ganworkbench.model.run.RunSummary;
import org.ganworkbench.model.run.UserLabels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's summary from hand-written run directories: its values, its state, and runs it cannot read. */
class RunSummaryTest {

	@TempDir
	Path dir;

	@Test
	void summarisesAFinishedRunScoredAgainAfterwards() throws Exception {
		HandWrittenRun run = HandWrittenRun.create(dir.resolve("dcgan-a"));
		long start = run.time();
		run.start("running", 0, 100).metrics(10, 500).quality(50, 20.5, 0.03125, 0.5, 0.25)
				.event(RunEvent.WARNING, 60, Map.of("kind", "overfitting", "message", "r_t above 0.95", "r_t", 0.97))
				.metrics(100, 640.5).event(RunEvent.SAMPLE, 100, Map.of("file", "samples/step-000000100-t0.00.png"))
				.quality(100, 25.25, 0.0625, 0.75, 0.375)
				.event(RunEvent.CHECKPOINT, 100, Map.of("file", "checkpoints/step-000000100.ckpt", "bytes", 1000));
		long end = run.time();
		run.status(100, "finished");
		// the quality command, a day later, scores an older checkpoint: neither the latest FD nor training time
		run.event(RunEvent.QUALITY, 75, Map.of("fd", 22.0, "kid", 0.05, "source", "quality command", "time",
				end + Duration.ofDays(1).toMillis()));

		RunSummary summary = RunSummary.read(run.root());

		assertEquals(run.root(), summary.directory());
		assertEquals("dcgan-a", summary.name());
		assertEquals("m", summary.model());
		assertEquals(RunState.FINISHED, summary.state());
		assertEquals(100, summary.step());
		assertEquals(100, summary.plannedSteps());
		assertEquals(20.5, summary.bestFd());
		assertEquals(50, summary.bestFdStep());
		assertEquals(25.25, summary.fd());
		assertEquals(0.0625, summary.kid());
		assertEquals(0.75, summary.precision());
		assertEquals(0.375, summary.recall());
		assertEquals(640.5, summary.imagesPerSecond());
		assertEquals("cpu", summary.backend());
		assertEquals("amd64, 2 threads", summary.device());
		assertEquals("lab-1", summary.host());
		assertEquals(HandWrittenRun.CREATED, summary.created());
		assertEquals(Duration.ofMillis(end - start), summary.duration());
		assertEquals(1, summary.warnings());
		assertEquals(List.of(), summary.tags());
		assertNull(summary.note());
		assertNull(summary.reason());
		assertNull(summary.message());
	}

	@Test
	void theStateIsTheLastStatusAndRunningUntilThereIsOne() throws Exception {
		HandWrittenRun run = HandWrittenRun.create(dir.resolve("run"));
		assertEquals(RunState.RUNNING, RunSummary.read(run.root()).state(), "created, no status yet");
		assertEquals(0, RunSummary.read(run.root()).step());
		run.start("running", 0, 100).metrics(20, 400);
		RunSummary running = RunSummary.read(run.root());
		assertEquals(RunState.RUNNING, running.state());
		assertEquals(20, running.step());
		assertEquals(RunState.ENDED_WITHOUT_STATUS, running.withTrainerGone().state(), "as the IDE calls a killed run");
		run.event(RunEvent.STATUS, 20, Map.of("state", "failed", "message", "could not write: No space left on device"));
		RunSummary failed = RunSummary.read(run.root());
		assertEquals(RunState.FAILED, failed.state());
		assertEquals("could not write: No space left on device", failed.message());
		assertSame(failed, failed.withTrainerGone());
		run.start("resumed", 20, 300);
		assertEquals(RunState.RUNNING, RunSummary.read(run.root()).state());
		assertEquals(300, RunSummary.read(run.root()).plannedSteps(), "resume's --steps");
		for (String state : List.of("finished", "interrupted", "diverged")) {
			run.status(40, state);
			assertEquals(state, RunSummary.read(run.root()).state().word());
		}
	}

	@Test
	void theRuleIsTheOneTheIdeUses() {
		assertEquals(RunState.RUNNING, RunState.of("running", true));
		assertEquals(RunState.RUNNING, RunState.of(null, true));
		assertEquals(RunState.ENDED_WITHOUT_STATUS, RunState.of("resumed", false));
		assertEquals(RunState.ENDED_WITHOUT_STATUS, RunState.of(null, false));
		assertEquals(RunState.INTERRUPTED, RunState.of("interrupted", false));
		assertEquals(RunState.FINISHED, RunState.of("finished", true));
		for (RunState state : RunState.values()) {
			assertEquals(state, RunState.ofWord(state.word()));
		}
	}

	@Test
	void aResumeFromFurtherBackSupersedesWhatWasScoredAfterItsCheckpoint() throws Exception {
		HandWrittenRun run = HandWrittenRun.create(dir.resolve("run"));
		run.start("running", 0, 100).quality(50, 30, 0.1, 0.5, 0.5).quality(80, 10, 0.1, 0.5, 0.5).status(80,
				"interrupted");
		run.start("resumed", 50, 200).metrics(60, 300).quality(60, 28, 0.2, 0.25, 0.125);
		RunSummary summary = RunSummary.read(run.root());
		assertEquals(28.0, summary.bestFd(), "the FD of step 80 belongs to a generator that is gone");
		assertEquals(60, summary.bestFdStep());
		assertEquals(28.0, summary.fd());
		assertEquals(60, summary.step());
		assertEquals(200, summary.plannedSteps());
	}

	@Test
	void aTornLastEventLineIsLeftForLaterNotAFault() throws Exception {
		// a trainer killed in a write (docs/run-format.md): readers skip the incomplete line
		HandWrittenRun run = HandWrittenRun.create(dir.resolve("killed"));
		run.start("running", 0, 100).metrics(10, 400).append("{\"type\":\"metrics\",\"step\":20,\"val");
		RunSummary summary = RunSummary.read(run.root());
		assertEquals(RunState.RUNNING, summary.state());
		assertEquals(10, summary.step());
		assertEquals(RunState.ENDED_WITHOUT_STATUS, summary.withTrainerGone().state());
	}

	@Test
	void aRunItCannotReadIsUnreadableWithTheReason() throws Exception {
		Path noDescription = Files.createDirectories(dir.resolve("half-written"));
		Files.writeString(noDescription.resolve(RunDirectory.MODEL_SNAPSHOT), "gan m {}\n");
		assertUnreadable(noDescription, "no run.json");

		Path torn = HandWrittenRun.create(dir.resolve("torn")).root();
		String text = Files.readString(torn.resolve(RunDirectory.DESCRIPTION));
		Files.writeString(torn.resolve(RunDirectory.DESCRIPTION), text.substring(0, text.length() / 2));
		assertUnreadable(torn, "run.json: unexpected end of text");

		Path newer = HandWrittenRun.create(dir.resolve("newer")).root();
		Files.writeString(newer.resolve(RunDirectory.DESCRIPTION), text.replace("\"format\":1", "\"format\":2"));
		assertUnreadable(newer, "format 2 is newer");

		Path noFormat = HandWrittenRun.create(dir.resolve("no-format")).root();
		Files.writeString(noFormat.resolve(RunDirectory.DESCRIPTION), text.replace("\"format\":1,", ""));
		assertUnreadable(noFormat, "no format");

		byte[] garbage = new byte[4096];
		new Random(17).nextBytes(garbage);
		Path garbled = HandWrittenRun.create(dir.resolve("garbled")).root();
		Files.write(garbled.resolve(RunDirectory.DESCRIPTION), garbage);
		assertUnreadable(garbled, "run.json");

		Path garbledLog = HandWrittenRun.create(dir.resolve("garbled-log")).root();
		for (int i = 96; i < garbage.length; i += 97) {
			garbage[i] = '\n';
		}
		Files.write(new RunDirectory(garbledLog).events(), garbage);
		assertUnreadable(garbledLog, "no event can be read: events.jsonl:1:");

		assertUnreadable(dir.resolve("missing"), "no such folder");
	}

	private static void assertUnreadable(Path run, String reason) {
		RunSummary summary = RunSummary.read(run);
		assertEquals(RunState.UNREADABLE, summary.state(), run::toString);
		assertTrue(summary.reason() != null && summary.reason().contains(reason), summary.reason());
		assertEquals(run.getFileName().toString(), summary.name());
		assertEquals(-1, summary.step());
		assertTrue(Double.isNaN(summary.fd()));
		assertNull(summary.created());
	}

	@Test
	void labelsGiveTheNameTagsAndNote() throws Exception {
		HandWrittenRun run = HandWrittenRun.create(dir.resolve("sngan-b"));
		run.start("running", 0, 100).status(100, "finished");
		new UserLabels("  SNGAN, lr 2e-4 ", List.of("baseline", " lr ", "", "baseline"), "the one to beat").write(run.root());
		RunSummary summary = RunSummary.read(run.root());
		assertEquals("SNGAN, lr 2e-4", summary.name());
		assertEquals(List.of("baseline", "lr"), summary.tags());
		assertEquals("the one to beat", summary.note());

		Files.writeString(new RunDirectory(run.root()).labels(), "{\"name\":");
		assertEquals("sngan-b", RunSummary.read(run.root()).name(), "damaged labels are the user's loss, not the run's");
		assertEquals(RunState.FINISHED, RunSummary.read(run.root()).state());
	}

	@Test
	void aSummaryRoundTripsThroughJsonInTheOrderOfItsKeys() throws Exception {
		HandWrittenRun run = HandWrittenRun.create(dir.resolve("run"));
		run.start("running", 0, 100).metrics(10, 512.25).quality(10, 40.5, 0.125, 0.5, 0.25).status(10, "diverged");
		new UserLabels(null, List.of("a", "b"), "note").write(run.root());
		for (RunSummary summary : List.of(RunSummary.read(run.root()), RunSummary.read(dir.resolve("missing")))) {
			Map<String, Object> json = summary.toJson();
			assertEquals(RunSummary.JSON_KEYS, List.copyOf(json.keySet()));
			assertEquals(summary, RunSummary.fromJson(json));
		}
	}
}
