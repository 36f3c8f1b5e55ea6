package org.ganworkbench.trainer.run;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J backend this JVM really loaded, which ND4J picks from the native jars on the classpath.
 * run.json and the start-up line record this, never the label a user asked for, and asking for CUDA
 * while ND4J loaded its CPU build is refused before a run directory is made.
 */
public record LoadedBackend(String name, String device) {

	public static final String CPU = "cpu";
	public static final String CUDA = "cuda";

	/** Thrown when the requested backend is not the one ND4J loaded. */
	public static final class UnavailableException extends Exception {
		private static final long serialVersionUID = 1L;

		UnavailableException(String message) {
			super(message);
		}
	}

	/** The loaded backend, when it is the one {@code requested} (cpu or cuda). */
	public static LoadedBackend require(String requested) throws UnavailableException {
		LoadedBackend loaded = detect();
		if (!loaded.name.equals(requested)) {
			throw new UnavailableException(requested + " was asked for, but ND4J loaded its " + loaded.name
					+ " backend (" + loaded.device + "): the classpath carries "
					+ (loaded.name.equals(CPU) ? "no nd4j-cuda jars" : "the CUDA jars")
					+ "; nothing was started. ./gan-workbench and the IDE's launch assemble the classpath of a backend.");
		}
		return loaded;
	}

	public static LoadedBackend detect() {
		boolean cuda = Nd4j.getBackend().getClass().getName().contains("jcublas");
		return cuda ? new LoadedBackend(CUDA, cudaDevice()) : new LoadedBackend(CPU, cpuDevice());
	}

	private static String cpuDevice() {
		return System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " threads";
	}

	/** The first device's name and memory, as ND4J's CUDA executioner describes its devices. */
	private static String cudaDevice() {
		Properties info = Nd4j.getExecutioner().getEnvironmentInformation();
		if (info.get("cuda.devicesInformation") instanceof List<?> devices && !devices.isEmpty()
				&& devices.get(0) instanceof Map<?, ?> device) {
			Object total = device.get("cuda.totalMemory");
			return device.get("cuda.deviceName") + (total instanceof Number n ? ", " + (n.longValue() >> 20) + " MiB" : "");
		}
		return "CUDA device";
	}
}
