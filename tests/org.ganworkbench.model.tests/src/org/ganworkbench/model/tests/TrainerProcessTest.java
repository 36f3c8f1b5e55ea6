package org.ganworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.TrainerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** process.json: how a later IDE tells a trainer still running from a record a killed one left. */
class TrainerProcessTest {

	@TempDir
	Path dir;

	@Test
	void aRecordOfAliveProcessNamesIt() throws Exception {
		RunDirectory run = new RunDirectory(dir);
		Files.writeString(run.process(), TrainerProcess.current().toJson());
		TrainerProcess read = TrainerProcess.read(run).orElseThrow();
		assertEquals(ProcessHandle.current().pid(), read.pid());
		assertEquals(Optional.of(ProcessHandle.current()), read.liveTrainer(TrainerProcess.localHost()));
		assertFalse(read.liveTrainer(TrainerProcess.localHost() + "-elsewhere").isPresent(),
				"a process on another host is not ours to follow");
	}

	@Test
	void aStaleOrDamagedRecordNamesNoProcess() throws Exception {
		TrainerProcess self = TrainerProcess.current();
		// The same pid, started a minute earlier: another process that was given the id later.
		TrainerProcess reused = new TrainerProcess(self.pid(), self.host(), self.started() - 60_000);
		assertFalse(reused.liveTrainer(self.host()).isPresent());

		RunDirectory run = new RunDirectory(dir);
		assertTrue(TrainerProcess.read(run).isEmpty(), "no file, no process");
		Files.writeString(run.process(), "{\"pid\": 12");
		assertTrue(TrainerProcess.read(run).isEmpty(), "a torn file");
		Files.writeString(run.process(), "{\"pid\": \"x\", \"host\": 3}");
		assertTrue(TrainerProcess.read(run).isEmpty(), "wrong types");
		Files.write(run.process(), new byte[] { (byte) 0xFF, 0, 1 });
		assertTrue(TrainerProcess.read(run).isEmpty(), "not text");
	}
}
