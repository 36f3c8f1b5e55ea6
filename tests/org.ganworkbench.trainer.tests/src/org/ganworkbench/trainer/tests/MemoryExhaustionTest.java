package org.ganworkbench.trainer.tests;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganworkbench.trainer.run.LoadedBackend;
import org.ganworkbench.trainer.run.MemoryExhaustion;
import org.junit.jupiter.api.Test;

/** Out-of-memory failures said in the user's terms: step, batch size, and the memory that ran out. */
class MemoryExhaustionTest {

	private static final LoadedBackend GPU = new LoadedBackend(LoadedBackend.CUDA, "NVIDIA L4, 22491 MiB");
	private static final LoadedBackend CPU = new LoadedBackend(LoadedBackend.CPU, "amd64, 2 threads");

	@Test
	void aDeviceAllocationFailureNamesTheBatchAndTheGpu() {
		// as ND4J's CUDA allocator reports it, wrapped by the op that asked
		RuntimeException failure = new RuntimeException("conv2d failed",
				new RuntimeException("Failed to allocate 1073741824 bytes from DEVICE [0] memory"));
		String message = MemoryExhaustion.describe(failure, 1234, 256, GPU);
		assertTrue(message.contains("step 1234") && message.contains("batch size 256")
				&& message.contains("NVIDIA L4, 22491 MiB") && message.contains("checkpoint is intact"), message);
	}

	@Test
	void javaCppsNativeLimitAndTheHeapAreMemoryToo() {
		String nativeLimit = MemoryExhaustion.describe(new OutOfMemoryError(
				"Physical memory usage is too high: physicalBytes (5G) > maxPhysicalBytes (4G)"), 7, 64, CPU);
		assertTrue(nativeLimit.contains("batch size 64") && nativeLimit.contains("Java heap"), nativeLimit);
		assertTrue(MemoryExhaustion.describe(new OutOfMemoryError("Java heap space"), 7, 64, CPU) != null);
	}

	@Test
	void otherFailuresAreNotMistakenForMemory() {
		assertNull(MemoryExhaustion.describe(new IllegalStateException("shape mismatch [64, 3] vs [64, 4]"), 1, 64, CPU));
		assertNull(MemoryExhaustion.describe(new RuntimeException((String) null), 1, 64, CPU));
	}
}
