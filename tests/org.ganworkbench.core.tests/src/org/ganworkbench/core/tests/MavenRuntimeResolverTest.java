package org.ganworkbench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.ganworkbench.core.launching.MavenRuntimeResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First-use resolution of a backend the update site does not carry, with fake mvn scripts on the PATH. */
class MavenRuntimeResolverTest {

	@TempDir
	Path dir;

	@Test
	void resolvesOnceAndRemembersTheClasspath() throws Exception {
		Path bin = Files.createDirectories(dir.resolve("bin"));
		Path jar = Files.writeString(dir.resolve("nd4j-cuda.jar"), "jar");
		Path calls = dir.resolve("calls");
		script(bin, """
				echo "[INFO] Downloading from central: nd4j-cuda-11.6.jar"
				for a in "$@"; do case "$a" in -Dmdep.outputFile=*) printf '%s' "JAR" > "${a#-Dmdep.outputFile=}";; esac; done
				echo called >> "CALLS"
				""".replace("JAR", jar.toString()).replace("CALLS", calls.toString()));
		MavenRuntimeResolver resolver = new MavenRuntimeResolver(bin.toString(), dir.resolve("cache"));

		List<String> classpath = resolver.classpath(MavenRuntimeResolver.CUDA_ARTIFACT, "linux-x86_64", new NullProgressMonitor());
		assertEquals(List.of(jar.toString()), classpath);
		resolver.classpath(MavenRuntimeResolver.CUDA_ARTIFACT, "linux-x86_64", new NullProgressMonitor());
		assertEquals(1, Files.readAllLines(calls).size(), "the second launch does not call Maven again");
	}

	@Test
	void offlineIsSaidPlainly() throws Exception {
		Path bin = Files.createDirectories(dir.resolve("bin"));
		script(bin, """
				echo "[ERROR] Failed to execute goal: Could not transfer artifact: Unknown host: no network"
				exit 1
				""");
		CoreException e = assertThrows(CoreException.class, () -> new MavenRuntimeResolver(bin.toString(),
				dir.resolve("cache")).classpath(MavenRuntimeResolver.CUDA_ARTIFACT, "linux-x86_64", null));
		assertTrue(e.getMessage().contains("offline"), e.getMessage());
	}

	@Test
	void noMavenIsSaidPlainly() {
		CoreException e = assertThrows(CoreException.class, () -> new MavenRuntimeResolver(dir.toString(),
				dir.resolve("cache")).classpath(MavenRuntimeResolver.CUDA_ARTIFACT, "linux-x86_64", null));
		assertTrue(e.getMessage().contains("mvn"), e.getMessage());
	}

	private static void script(Path bin, String body) throws Exception {
		Path mvn = bin.resolve("mvn");
		Files.writeString(mvn, "#!/bin/sh\n" + body);
		Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
	}
}
