package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.ganworkbench.trainer.cli.ExitCode;
import org.ganworkbench.trainer.nn.Param;
import org.ganworkbench.trainer.run.Checkpoint;
import org.ganworkbench.trainer.run.CheckpointFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Checkpoints move between backends: their tensors are little-endian values in C order with a
 * named dtype, read by the one loader every backend uses, never a backend's own buffer layout. A
 * CPU checkpoint's bytes read without ND4J equal the tensors; loaded into parameters of another
 * precision (as a GPU run in half or double precision would hold them) and written back, the values
 * return; and a run resumes from it.
 */
class CheckpointPortabilityTest {

	@TempDir
	Path dir;

	@Test
	void aCpuCheckpointIsBackendNeutralAndSurvivesOtherPrecisions() throws Exception {
		Path model = dir.resolve("m.gan");
		Files.writeString(model, TrainingFixtures.tiny("dcgan", 3));
		Path runDir = dir.resolve("run");
		assertEquals(ExitCode.OK, TrainingFixtures.run("train", model.toString(), "--run-dir", runDir.toString(),
				"--steps", "2").code());
		Path file = runDir.resolve("checkpoints/step-000000002.ckpt");
		Checkpoint checkpoint = CheckpointFile.read(file);
		Map<String, byte[]> raw = entries(file);
		int checked = 0;
		for (Map.Entry<String, INDArray> tensor : checkpoint.tensors().entrySet()) {
			INDArray value = tensor.getValue();
			if (value.dataType() != DataType.FLOAT) {
				continue;
			}
			float[] fromBytes = new float[(int) value.length()];
			ByteBuffer.wrap(raw.get("tensors/" + tensor.getKey())).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer()
					.get(fromBytes);
			assertArrayEquals(value.dup('c').data().asFloat(), fromBytes, tensor.getKey());
			checked++;
		}
		assertTrue(checked > 10, "float32 tensors checked: " + checked);

		String name = checkpoint.tensors().keySet().stream().filter(n -> checkpoint.tensor(n).length() > 100)
				.findFirst().orElseThrow();
		INDArray original = checkpoint.tensor(name);
		for (DataType precision : List.of(DataType.DOUBLE, DataType.HALF)) {
			Param param = Param.trainable("w", Nd4j.zeros(precision, original.shape()));
			new Checkpoint(0, Map.of(), Map.of("x/w", original)).loadInto("x/", List.of(param));
			assertEquals(precision, param.value().dataType(), "the parameter keeps its precision");
			Path back = dir.resolve(precision + ".ckpt");
			CheckpointFile.write(back, new Checkpoint(2, Map.of(), Map.of(name, param.value())));
			INDArray returned = CheckpointFile.read(back).tensor(name).castTo(DataType.FLOAT);
			double tolerance = precision == DataType.HALF ? 2e-3 * Math.max(1, original.amaxNumber().doubleValue()) : 0;
			assertTrue(returned.equalsWithEps(original, tolerance), precision + " round trip of " + name);
		}

		assertEquals(ExitCode.OK, TrainingFixtures.run("resume", runDir.toString(), "--steps", "3").code());
	}

	private static Map<String, byte[]> entries(Path file) throws Exception {
		Map<String, byte[]> entries = new java.util.HashMap<>();
		try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				entries.put(entry.getName(), zip.readAllBytes());
			}
		}
		return entries;
	}
}
