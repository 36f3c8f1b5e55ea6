package org.ganworkbench.trainer.run;

import java.util.Locale;

/**
 * Recognises a step that ran out of memory (the Java heap, JavaCPP's native limit, or a GPU's device
 * memory, whose allocation failures ND4J reports as runtime exceptions) and says it in the user's
 * terms: the step, the batch size and the memory it ran on. A run that ends so keeps its last
 * checkpoint, which checkpoints' atomic writes guarantee.
 */
public final class MemoryExhaustion {

	private static final String[] SIGNS = { "out of memory", "cudaerrormemoryallocation", "failed to allocate",
			"physical memory usage is too high", "java heap space", "direct buffer memory" };

	private MemoryExhaustion() {
	}

	/** The message for {@code failure}, or null when it is not about memory. */
	public static String describe(Throwable failure, long step, int batchSize, LoadedBackend backend) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
			if (t instanceof OutOfMemoryError || containsSign(text)) {
				String memory = backend.name().equals(LoadedBackend.CUDA) ? "GPU " + backend.device()
						: "the CPU's memory (" + (Runtime.getRuntime().maxMemory() >> 20) + " MiB Java heap, -Xmx)";
				return "out of memory at step " + step + " with batch size " + batchSize + " on " + memory + ": "
						+ t.getMessage() + ". Lower `batch` in the model's training block (or give the trainer more"
						+ " memory), then resume: the last checkpoint is intact.";
			}
		}
		return null;
	}

	private static boolean containsSign(String text) {
		for (String sign : SIGNS) {
			if (text.contains(sign)) {
				return true;
			}
		}
		return false;
	}
}
