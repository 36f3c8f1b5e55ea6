package org.ganworkbench.core.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting a run from the Runs view: to the desktop's trash, restorable, names never clashing. */
class RunTrashTest {

	@TempDir
	Path temp;

	@Test
	void aRunGoesToTheTrashWithWhatRestoresIt() throws Exception {
		Path trash = temp.resolve("Trash");
		for (int i = 0; i < 2; i++) {
			Path run = Files.createDirectories(temp.resolve("runs/dcgan run"));
			Files.writeString(run.resolve("run.json"), "{}");
			Path moved = RunTrash.moveToTrash(run, trash);
			assertFalse(Files.exists(run), "the run left its folder");
			assertTrue(Files.isRegularFile(moved.resolve("run.json")), "and is whole in the trash");
			assertEquals(i == 0 ? "dcgan run" : "dcgan run.2", moved.getFileName().toString());
			String info = Files.readString(trash.resolve("info/" + moved.getFileName() + ".trashinfo"),
					StandardCharsets.UTF_8);
			assertTrue(info.startsWith("[Trash Info]\nPath="), info);
			assertTrue(info.contains("/runs/dcgan%20run\n"), "the original place, escaped: " + info);
			assertTrue(info.contains("DeletionDate="), info);
		}
	}

	@Test
	void deleteForGoodRemovesEverything() throws Exception {
		Path run = Files.createDirectories(temp.resolve("run/checkpoints"));
		Files.writeString(run.resolve("step-000000001.ckpt"), "x");
		RunTrash.delete(temp.resolve("run"));
		assertFalse(Files.exists(temp.resolve("run")));
	}
}
