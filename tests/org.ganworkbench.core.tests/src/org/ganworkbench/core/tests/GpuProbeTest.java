package org.ganworkbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.ganworkbench.core.launching.GpuProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CUDA backend check, with fake nvidia-smi scripts on the PATH. */
class GpuProbeTest {

	@TempDir
	Path bin;

	@Test
	void noDriverMeansNoCuda() {
		String problem = new GpuProbe(bin.toString()).problemWith(0);
		assertNotNull(problem);
		assertTrue(problem.contains("nvidia-smi"), problem);
	}

	@Test
	void aSupportedGpuPasses() throws Exception {
		fakeNvidiaSmi("0, NVIDIA A100-SXM4-40GB, 8.0\n1, NVIDIA GeForce RTX 3090, 8.6\n");
		GpuProbe probe = new GpuProbe(bin.toString());
		assertEquals(2, probe.gpus().size());
		assertNull(probe.problemWith(0));
		assertNull(probe.problemWith(1));
	}

	@Test
	void aNewerGpuIsRefusedWithTheReason() throws Exception {
		fakeNvidiaSmi("0, NVIDIA H100 80GB HBM3, 9.0\n");
		String problem = new GpuProbe(bin.toString()).problemWith(0);
		assertNotNull(problem);
		assertTrue(problem.contains("H100") && problem.contains("9.0") && problem.contains("8.6"), problem);
	}

	@Test
	void aMissingIndexIsNamed() throws Exception {
		fakeNvidiaSmi("0, NVIDIA T4, 7.5\n");
		String problem = new GpuProbe(bin.toString()).problemWith(3);
		assertNotNull(problem);
		assertTrue(problem.contains("3") && problem.contains("T4"), problem);
	}

	@Test
	void aDriverWithoutGpusSaysSo() throws Exception {
		fakeNvidiaSmi("");
		assertTrue(new GpuProbe(bin.toString()).problemWith(0).contains("no GPU"));
	}

	private void fakeNvidiaSmi(String output) throws Exception {
		Path script = bin.resolve("nvidia-smi");
		Files.writeString(script, "#!/bin/sh\nprintf '" + output.replace("\n", "\\n") + "'\n");
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
	}
}
