package org.ganworkbench.trainer.train;

import java.util.function.LongSupplier;

import org.bytedeco.javacpp.Pointer;

/**
 * Keeps the trainer's resident memory near a budget. ND4J's arrays live outside the Java heap and are
 * freed only when the garbage collector collects their small Java objects; with a large heap that
 * happens rarely, so native memory grew to several GB (3.6 GB after 20 demo steps with -Xmx4g).
 * After a step over budget the trainer asks for a collection, which frees the dead arrays. Since
 * 2026-12-06 the step's own temporaries live in a reused workspace ({@link StepWorkspace}), one D or G
 * step at a time; what is left for the collector is what custom layers and monitoring allocate. (A
 * workspace around the whole step, tried first, held 3.5 GB at the SN-GAN's first step.)
 * <p>
 * On CUDA the measure stays the process's host memory: ND4J's device buffers belong to the same Java
 * objects and are freed by the same collection, so keeping host memory near the budget also returns
 * dead device buffers; a step that needs more device memory than the GPU has fails with a message
 * naming the batch size (MemoryExhaustion), which no budget could prevent.
 */
final class NativeMemoryBudget {

	/** Budget in MB of resident memory (heap included); 0 turns the check off. */
	static final String PROPERTY = "gan.trainer.memoryBudgetMb";
	private static final long DEFAULT_MB = 1024;
	/** Growth in one step that counts as new garbage rather than noise. */
	static final long GROWTH_BYTES = 16L << 20;
	/** While over budget, a collection at least this often even when resident memory stays level. */
	static final int MAX_STEPS_BETWEEN_COLLECTIONS = 10;

	private final long budgetBytes;
	private final LongSupplier resident;
	private final Runnable collect;
	private long lastResident;
	private int stepsSinceCollection;

	NativeMemoryBudget(long budgetMb, LongSupplier resident, Runnable collect) {
		this.budgetBytes = budgetMb << 20;
		this.resident = resident;
		this.collect = collect;
	}

	static NativeMemoryBudget fromSystemProperties() {
		return new NativeMemoryBudget(Long.getLong(PROPERTY, DEFAULT_MB), Pointer::physicalBytes, System::gc);
	}

	/**
	 * Collects when the process is over budget and its memory grew in this step, or had not been
	 * collected for a while. Memory that a collection freed stays resident and is handed out again, so
	 * a level reading over budget means the step reused memory (the step workspace's, or what the last
	 * collection freed): collecting then cost 30 ms of a 900 ms SN-GAN step for nothing.
	 */
	void afterStep() {
		if (budgetBytes <= 0) {
			return;
		}
		long now = resident.getAsLong();
		stepsSinceCollection++;
		if (now > budgetBytes
				&& (now > lastResident + GROWTH_BYTES || stepsSinceCollection >= MAX_STEPS_BETWEEN_COLLECTIONS)) {
			collect.run();
			stepsSinceCollection = 0;
		}
		lastResident = now;
	}
}
