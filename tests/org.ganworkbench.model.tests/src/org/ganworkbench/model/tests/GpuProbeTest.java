package org.ganworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.ganworkbench.model.backend.GpuProbe;
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
	void everyArchitectureUpToAdaPasses() throws Exception {
		fakeNvidiaSmi("0, NVIDIA A100-SXM4-40GB, 8.0\n1, NVIDIA GeForce RTX 3090, 8.6\n2, NVIDIA L4, 8.9\n3, Tesla V100, 7.0\n");
		GpuProbe probe = new GpuProbe(bin.toString());
		assertEquals(4, probe.gpus().size());
		for (int i = 0; i < 4; i++) {
			assertNull(probe.problemWith(i), "GPU " + i);
		}
	}

	@Test
	void hopperAndBlackwellAreRefusedWithTheReason() throws Exception {
		fakeNvidiaSmi("0, NVIDIA H100 80GB HBM3, 9.0\n1, NVIDIA RTX PRO 6000 Blackwell, 12.0\n");
		GpuProbe probe = new GpuProbe(bin.toString());
		for (String[] gpu : new String[][] { { "0", "H100", "9.0" }, { "1", "Blackwell", "12.0" } }) {
			String problem = probe.problemWith(Integer.parseInt(gpu[0]));
			assertNotNull(problem, gpu[1]);
			assertTrue(problem.contains(gpu[1]) && problem.contains(gpu[2]) && problem.contains("up to 8.9")
					&& problem.contains("CPU backend"), problem);
		}
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
