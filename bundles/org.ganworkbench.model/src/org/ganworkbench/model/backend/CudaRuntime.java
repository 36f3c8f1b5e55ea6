package org.ganworkbench.model.backend;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What a CUDA launch fetches on first use (docs/gpu.md): ND4J's CUDA 11.6 build, in its cuDNN variant
 * where cuDNN 8 is available, and bytedeco's CUDA 11.6 libraries where the system lacks cuBLAS or
 * cuSOLVER 11, so that a user needs only the NVIDIA driver. The update site carries none of it: the
 * jars are hundreds of megabytes.
 */
public final class CudaRuntime {

	static final String ND4J_CUDA = "org.nd4j:nd4j-cuda-11.6:1.0.0-M2.1";
	static final String NATIVES = ND4J_CUDA + ":linux-x86_64";
	static final String NATIVES_CUDNN = ND4J_CUDA + ":linux-x86_64-cudnn";
	/** cuBLAS, cuSOLVER, cuDNN 8.3 and the CUDA 11.6 runtime, as bytedeco packs them. */
	static final String LIBRARIES = "org.bytedeco:cuda:11.6-8.3-1.5.7:linux-x86_64-redist";
	static final int ND4J_CUDA_MB = 601;
	static final int LIBRARIES_MB = 1830;

	/** The coordinates to resolve, the download's size and one line on why these. */
	public record Plan(List<String> coordinates, int downloadMb, String description) {
	}

	private CudaRuntime() {
	}

	/** The plan for this machine's shared libraries. */
	public static Plan plan() {
		return plan(CudaRuntime::systemHas);
	}

	/** @param systemHas whether a shared library (by its soname) is installed */
	static Plan plan(Predicate<String> systemHas) {
		boolean libraries = systemHas.test("libcublas.so.11") && systemHas.test("libcusolver.so.11");
		boolean cudnn = !libraries || systemHas.test("libcudnn.so.8");
		List<String> coordinates = new ArrayList<>(List.of(ND4J_CUDA, cudnn ? NATIVES_CUDNN : NATIVES));
		int mb = ND4J_CUDA_MB;
		String description = "ND4J's CUDA build" + (cudnn ? " with cuDNN" : "") + " (about " + ND4J_CUDA_MB + " MB)";
		if (!libraries) {
			coordinates.add(LIBRARIES);
			mb += LIBRARIES_MB;
			description += " and the CUDA 11.6 libraries this system lacks (cuBLAS, cuSOLVER, cuDNN 8; about "
					+ LIBRARIES_MB + " MB)";
		}
		return new Plan(List.copyOf(coordinates), mb, description);
	}

	/** The dynamic linker's view: its cache (ldconfig -p), LD_LIBRARY_PATH and CUDA's usual folders. */
	static boolean systemHas(String soname) {
		List<String> dirs = new ArrayList<>(List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/local/cuda/lib64",
				"/usr/local/cuda-11/lib64"));
		String ldPath = System.getenv("LD_LIBRARY_PATH");
		if (ldPath != null) {
			dirs.addAll(List.of(ldPath.split(File.pathSeparator)));
		}
		if (dirs.stream().anyMatch(d -> !d.isEmpty() && Files.exists(Path.of(d, soname)))) {
			return true;
		}
		return linkerCache().contains(soname + " ");
	}

	private static String linkerCache() {
		for (String ldconfig : List.of("/sbin/ldconfig", "/usr/sbin/ldconfig")) {
			if (new File(ldconfig).canExecute()) {
				try {
					Process process = new ProcessBuilder(ldconfig, "-p").redirectErrorStream(true).start();
					String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
					process.waitFor(10, TimeUnit.SECONDS);
					return text;
				} catch (IOException e) {
					return "";
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return "";
				}
			}
		}
		return "";
	}
}
