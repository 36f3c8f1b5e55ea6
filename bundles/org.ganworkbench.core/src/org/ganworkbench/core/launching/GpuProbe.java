package org.ganworkbench.core.launching;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds the local NVIDIA GPUs with {@code nvidia-smi} and checks one against what this DL4J
 * release supports (CUDA compute capability up to 8.6).
 */
public final class GpuProbe {

	/** DL4J/ND4J 1.0.0-M2.1 is compiled for compute capabilities up to 8.6. */
	public static final double MAX_COMPUTE_CAPABILITY = 8.6;

	public record Gpu(int index, String name, String computeCapability) {
		public boolean supported() {
			try {
				return Double.parseDouble(computeCapability) <= MAX_COMPUTE_CAPABILITY + 1e-9;
			} catch (NumberFormatException e) {
				return false;
			}
		}

		@Override
		public String toString() {
			return index + ": " + name + " (compute capability " + computeCapability + ")"; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		}
	}

	private final String searchPath;

	/** @param searchPath the PATH to find nvidia-smi on (the launch's environment, or the IDE's) */
	public GpuProbe(String searchPath) {
		this.searchPath = searchPath == null ? "" : searchPath; //$NON-NLS-1$
	}

	/** The GPUs nvidia-smi lists; empty when there is no nvidia-smi or it fails. */
	public List<Gpu> gpus() {
		File smi = findNvidiaSmi();
		if (smi == null) {
			return List.of();
		}
		try {
			Process process = new ProcessBuilder(smi.getAbsolutePath(), "--query-gpu=index,name,compute_cap", //$NON-NLS-1$
					"--format=csv,noheader").redirectErrorStream(true).start(); //$NON-NLS-1$
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				return List.of();
			}
			return parse(output);
		} catch (IOException e) {
			return List.of();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return List.of();
		}
	}

	/**
	 * Why the CUDA backend cannot train on GPU {@code index}, or {@code null} when it can.
	 */
	public String problemWith(int index) {
		if (findNvidiaSmi() == null) {
			return Messages.GpuProbe_noDriver;
		}
		List<Gpu> gpus = gpus();
		if (gpus.isEmpty()) {
			return Messages.GpuProbe_noGpu;
		}
		for (Gpu gpu : gpus) {
			if (gpu.index() == index) {
				return gpu.supported() ? null
						: Messages.bind(Messages.GpuProbe_unsupported, gpu, MAX_COMPUTE_CAPABILITY);
			}
		}
		return Messages.bind(Messages.GpuProbe_noSuchIndex, index, gpus);
	}

	static List<Gpu> parse(String output) {
		List<Gpu> gpus = new ArrayList<>();
		for (String line : output.split("\\R")) { //$NON-NLS-1$
			String[] fields = line.split(","); //$NON-NLS-1$
			if (fields.length < 3) {
				continue;
			}
			try {
				gpus.add(new Gpu(Integer.parseInt(fields[0].strip()), fields[1].strip(), fields[2].strip()));
			} catch (NumberFormatException e) {
				// not a GPU line (a warning of the driver, say)
			}
		}
		return gpus;
	}

	private File findNvidiaSmi() {
		return Executables.find(searchPath, "nvidia-smi"); //$NON-NLS-1$
	}
}
