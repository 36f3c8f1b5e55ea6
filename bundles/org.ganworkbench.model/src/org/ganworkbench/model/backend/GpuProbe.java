package org.ganworkbench.model.backend;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds the local NVIDIA GPUs with {@code nvidia-smi} and checks one against what ND4J's CUDA build
 * can run on. The IDE's launch and the command line ({@link GpuCheck}) both ask here, so the rule
 * lives in one place: {@link Gpu#supported()}.
 */
public final class GpuProbe {

	/**
	 * ND4J 1.0.0-M2.1's CUDA library holds machine code (SASS) for sm_37 to sm_86 and no PTX to
	 * compile for newer GPUs. Ada (8.9) runs sm_86 code; Hopper (9.0) and later run none of it.
	 */
	public static final double MAX_COMPUTE_CAPABILITY = 8.9;

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
			return index + ": " + name + " (compute capability " + computeCapability + ")";
		}
	}

	private final String searchPath;

	/** @param searchPath the PATH to find nvidia-smi on (the launch's environment, or the shell's) */
	public GpuProbe(String searchPath) {
		this.searchPath = searchPath == null ? "" : searchPath;
	}

	/** The GPUs nvidia-smi lists; empty when there is no nvidia-smi or it fails. */
	public List<Gpu> gpus() {
		File smi = Executables.find(searchPath, "nvidia-smi");
		if (smi == null) {
			return List.of();
		}
		try {
			Process process = new ProcessBuilder(smi.getAbsolutePath(), "--query-gpu=index,name,compute_cap",
					"--format=csv,noheader").redirectErrorStream(true).start();
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

	/** Why the CUDA backend cannot train on GPU {@code index}, or {@code null} when it can. */
	public String problemWith(int index) {
		if (Executables.find(searchPath, "nvidia-smi") == null) {
			return "The CUDA backend needs an NVIDIA driver, but nvidia-smi is not on the PATH."
					+ " Choose the CPU backend, or install the driver.";
		}
		List<Gpu> gpus = gpus();
		if (gpus.isEmpty()) {
			return "nvidia-smi lists no GPU. Choose the CPU backend.";
		}
		for (Gpu gpu : gpus) {
			if (gpu.index() == index) {
				return gpu.supported() ? null
						: "GPU " + gpu + " cannot run ND4J 1.0.0-M2.1: its CUDA build has machine code for compute"
								+ " capabilities up to " + MAX_COMPUTE_CAPABILITY + " only (none for this architecture)."
								+ " Choose the CPU backend, or another GPU.";
			}
		}
		return "There is no GPU " + index + "; nvidia-smi lists " + gpus + ".";
	}

	static List<Gpu> parse(String output) {
		List<Gpu> gpus = new ArrayList<>();
		for (String line : output.split("\\R")) {
			String[] fields = line.split(",");
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
}
