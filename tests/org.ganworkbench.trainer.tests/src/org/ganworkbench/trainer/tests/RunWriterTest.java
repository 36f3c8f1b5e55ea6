package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.ganworkbench.model.run.EventLogReader;
import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.trainer.run.Checkpoint;
import org.ganworkbench.trainer.run.CheckpointFile;
import org.ganworkbench.trainer.run.ImageGrid;
import org.ganworkbench.trainer.run.RunDescription;
import org.ganworkbench.trainer.run.RunWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RunWriterTest {

	@TempDir
	Path dir;

	@Test
	void writesWhatTheReaderReads() throws IOException {
		Path root = dir.resolve("run");
		try (RunWriter writer = RunWriter.create(root, new RunDescription("demo", 7, "cpu"), "model text")) {
			writer.status(0, "running", null);
			writer.metrics(3, Map.of("loss_d", 1.5, "loss_g", Double.NaN));
			writer.sigma(3, List.of(Map.of("network", "G", "layer", "conv1", "sigma", new double[] { 3, 2, 1 })));
			writer.sample(3, 0.5, ImageGrid.of(Nd4j.rand(DataType.FLOAT, 4, 3, 8, 8).muli(2).subi(1), 2), 4);
			writer.checkpoint(new Checkpoint(3, Map.of("seed", 7), Map.of("G/w", Nd4j.arange(6).reshape(2, 3))));
			writer.warning(3, "nan", "NaN in loss", Map.of());
		}
		RunDirectory run = new RunDirectory(root);
		assertTrue(run.exists());
		assertEquals(7.0, run.readDescription().get("seed"));
		assertEquals("model text", Files.readString(run.modelSnapshot()));
		List<RunEvent> events = run.readEvents();
		assertEquals(List.of("status", "metrics", "sigma", "sample", "checkpoint", "warning"),
				events.stream().map(RunEvent::type).toList());
		assertTrue(Double.isNaN(Json.number(events.get(1).object("values").get("loss_g"))));
		assertEquals("samples/step-000000003-t0.50.png", events.get(3).text("file"));
		assertTrue(ImageIO.read(root.resolve(events.get(3).text("file")).toFile()).getWidth() > 16);
		assertEquals(List.of(run.checkpoints().resolve("step-000000003.ckpt")), run.checkpointFiles());
		Checkpoint back = CheckpointFile.read(run.checkpointFiles().get(0));
		assertEquals(3, back.step());
		assertEquals(Nd4j.arange(6).reshape(2, 3).castTo(DataType.FLOAT), back.tensor("G/w").castTo(DataType.FLOAT));
	}

	@Test
	void refusesToOverwriteARun() throws IOException {
		Path root = dir.resolve("run");
		RunWriter.create(root, new RunDescription("demo", 1, "cpu"), "").close();
		assertThrows(IOException.class, () -> RunWriter.create(root, new RunDescription("demo", 1, "cpu"), ""));
	}

	@Test
	void reopenEndsATornLastLine() throws IOException {
		Path root = dir.resolve("run");
		RunWriter.create(root, new RunDescription("demo", 1, "cpu"), "").close();
		RunDirectory run = new RunDirectory(root);
		Files.writeString(run.events(), "{\"type\":\"status\",\"step\":0}\n{\"type\":\"metr", StandardCharsets.UTF_8,
				StandardOpenOption.APPEND);
		try (RunWriter writer = RunWriter.reopen(root)) {
			writer.status(5, "resumed", null);
		}
		EventLogReader reader = new EventLogReader(run.events());
		List<RunEvent> events = reader.poll();
		assertEquals(List.of("status", "status"), events.stream().map(RunEvent::type).toList());
		assertEquals(5, events.get(1).step());
		assertEquals(1, reader.problems().size());
	}

	@Test
	void damagedCheckpointIsReportedWithItsName() throws IOException {
		Path file = dir.resolve("step-000000001.ckpt");
		CheckpointFile.write(file, new Checkpoint(1, Map.of(), Map.of("x", Nd4j.rand(DataType.FLOAT, 100))));
		byte[] bytes = Files.readAllBytes(file);
		Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
		IOException e = assertThrows(IOException.class, () -> CheckpointFile.read(file));
		assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
		// no temporary files are left next to a written checkpoint
		try (var files = Files.list(dir)) {
			assertEquals(1, files.count());
		}
	}

	private static final class Json {
		static double number(Object value) {
			return org.ganworkbench.model.json.Json.number(value, 0);
		}
	}
}
