package org.ganworkbench.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.ganworkbench.model.backend.MavenResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First-use resolution of a backend the update site does not carry, with fake mvn scripts on the PATH. */
class MavenResolverTest {

	private static final List<String> CUDA = List.of("org.nd4j:nd4j-cuda-11.6:1.0.0-M2.1",
			"org.nd4j:nd4j-cuda-11.6:1.0.0-M2.1:linux-x86_64");

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
		MavenResolver resolver = new MavenResolver(bin.toString(), dir.resolve("cache"));
		assertEquals(List.of(), resolver.remembered(CUDA), "nothing before the first use");

		List<String> lines = new java.util.ArrayList<>();
		List<String> classpath = resolver.classpath(CUDA, new MavenResolver.Progress() {
			@Override
			public void line(String text) {
				lines.add(text);
			}

			@Override
			public boolean canceled() {
				return false;
			}
		});
		assertEquals(List.of(jar.toString()), classpath);
		assertEquals(List.of("Downloading from central: nd4j-cuda-11.6.jar"), lines, "download lines are reported");
		assertEquals(classpath, resolver.remembered(CUDA));
		resolver.classpath(CUDA, MavenResolver.Progress.NONE);
		assertEquals(1, Files.readAllLines(calls).size(), "the second launch does not call Maven again");
	}

	@Test
	void offlineIsSaidPlainly() throws Exception {
		Path bin = Files.createDirectories(dir.resolve("bin"));
		script(bin, """
				echo "[ERROR] Failed to execute goal: Could not transfer artifact: Unknown host: no network"
				exit 1
				""");
		MavenResolver.ResolutionException e = assertThrows(MavenResolver.ResolutionException.class,
				() -> new MavenResolver(bin.toString(), dir.resolve("cache")).classpath(CUDA, MavenResolver.Progress.NONE));
		assertTrue(e.getMessage().contains("offline"), e.getMessage());
	}

	@Test
	void noMavenIsSaidPlainly() {
		MavenResolver.ResolutionException e = assertThrows(MavenResolver.ResolutionException.class,
				() -> new MavenResolver(dir.toString(), dir.resolve("cache")).classpath(CUDA, MavenResolver.Progress.NONE));
		assertTrue(e.getMessage().contains("mvn"), e.getMessage());
	}

	@Test
	void aCanceledDownloadStopsMaven() throws Exception {
		Path bin = Files.createDirectories(dir.resolve("bin"));
		script(bin, """
				echo "[INFO] Downloading from central: nd4j-cuda-11.6-linux-x86_64.jar"
				sleep 30
				""");
		long start = System.nanoTime();
		assertThrows(MavenResolver.CanceledException.class,
				() -> new MavenResolver(bin.toString(), dir.resolve("cache")).classpath(CUDA, new MavenResolver.Progress() {
					@Override
					public void line(String text) {
					}

					@Override
					public boolean canceled() {
						return true;
					}
				}));
		assertTrue(System.nanoTime() - start < 10_000_000_000L, "cancel does not wait for Maven to finish");
	}

	private static void script(Path bin, String body) throws Exception {
		Path mvn = bin.resolve("mvn");
		Files.writeString(mvn, "#!/bin/sh\n" + body);
		Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
	}
}
