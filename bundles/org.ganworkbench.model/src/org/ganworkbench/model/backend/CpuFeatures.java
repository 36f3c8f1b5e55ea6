package org.ganworkbench.model.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the CPU offers, read from /proc/cpuinfo (Linux, the only platform whose natives we carry). */
public final class CpuFeatures {

	private static final Path CPUINFO = Path.of("/proc/cpuinfo");

	private CpuFeatures() {
	}

	public static boolean hasAvx2() {
		try {
			return Files.readString(CPUINFO).matches("(?s).*\\bflags\\b[^\\n]*\\bavx2\\b.*");
		} catch (IOException | RuntimeException e) {
			return false;
		}
	}
}
