package org.ganworkbench.model.backend;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Resolves jars the update site does not carry (ND4J's CUDA build) from Maven coordinates into the
 * user's local Maven repository, with the user's own {@code mvn}: their mirrors, proxies and
 * credentials apply and no repository address is built in. The classpath is remembered in a file,
 * so only the first use waits. The IDE's launch and ./gan-workbench both resolve through here.
 */
public final class MavenResolver {

	/** Reports Maven's download lines and asks whether to stop. */
	public interface Progress {
		Progress NONE = new Progress() {
			@Override
			public void line(String text) {
			}

			@Override
			public boolean canceled() {
				return false;
			}
		};

		void line(String text);

		boolean canceled();
	}

	/** Resolution failed; the message says why in the user's terms (offline, no mvn, Maven's error). */
	public static class ResolutionException extends Exception {
		private static final long serialVersionUID = 1L;

		public ResolutionException(String message) {
			super(message);
		}
	}

	/** The user stopped the download. */
	public static final class CanceledException extends ResolutionException {
		private static final long serialVersionUID = 1L;

		CanceledException() {
			super("canceled");
		}
	}

	private final String searchPath;
	private final Path cacheDirectory;

	/**
	 * @param searchPath     the PATH to find {@code mvn} on
	 * @param cacheDirectory where resolved classpaths are remembered
	 */
	public MavenResolver(String searchPath, Path cacheDirectory) {
		this.searchPath = searchPath == null ? "" : searchPath;
		this.cacheDirectory = cacheDirectory;
	}

	/** The remembered classpath of {@code coordinates} when all its jars still exist, else empty. */
	public List<String> remembered(List<String> coordinates) {
		List<String> known = read(rememberedFile(coordinates));
		return !known.isEmpty() && known.stream().allMatch(p -> new File(p).isFile()) ? known : List.of();
	}

	/**
	 * The jars of the artifacts ({@code group:artifact:version[:classifier]}) and their runtime
	 * dependencies; resolves them on first use.
	 */
	public List<String> classpath(List<String> coordinates, Progress progress) throws ResolutionException {
		List<String> known = remembered(coordinates);
		return known.isEmpty() ? resolve(coordinates, progress) : known;
	}

	private List<String> resolve(List<String> coordinates, Progress progress) throws ResolutionException {
		String what = String.join(", ", coordinates);
		File mvn = Executables.find(searchPath, "mvn");
		if (mvn == null) {
			throw new ResolutionException(what + " is not installed with GAN Workbench; it is fetched with Maven on"
					+ " first use, but no 'mvn' is on the PATH. Install Maven, or choose the CPU backend.");
		}
		Path output = rememberedFile(coordinates);
		Path project;
		try {
			Files.createDirectories(cacheDirectory);
			project = Files.createTempDirectory(cacheDirectory, "resolve");
			Files.writeString(project.resolve("pom.xml"), pom(coordinates));
		} catch (IOException e) {
			throw new ResolutionException("cannot prepare the download in " + cacheDirectory + ": " + e.getMessage());
		}
		List<String> command = List.of(mvn.getAbsolutePath(), "-B", "dependency:build-classpath",
				"-Dmdep.outputFile=" + output.toAbsolutePath(), "-Dmdep.includeScope=runtime");
		List<String> transcript = new ArrayList<>();
		int exit;
		try {
			Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					transcript.add(line);
					if (line.contains("Downloading") || line.contains("Downloaded")) {
						progress.line(line.replaceFirst("^\\[INFO\\]\\s*", ""));
					}
					if (progress.canceled()) {
						process.destroyForcibly();
						throw new CanceledException();
					}
				}
			}
			exit = process.waitFor();
		} catch (IOException e) {
			throw new ResolutionException("Maven could not resolve " + what + ": " + e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CanceledException();
		}
		List<String> classpath = read(output);
		if (exit != 0 || classpath.isEmpty()) {
			throw new ResolutionException(explain(what, transcript));
		}
		return classpath;
	}

	/** A message that says what went wrong: offline, or what Maven said. */
	static String explain(String what, List<String> transcript) {
		for (String line : transcript) {
			String lower = line.toLowerCase(Locale.ROOT);
			if (lower.contains("unknownhost") || lower.contains("unknown host") || lower.contains("connect timed out")
					|| lower.contains("network is unreachable") || lower.contains("offline mode")) {
				return "Cannot download " + what + ": the Maven repository is not reachable (offline?)."
						+ " Connect, or choose the CPU backend.";
			}
		}
		String error = transcript.stream().filter(l -> l.startsWith("[ERROR]")).findFirst().orElse("");
		return "Maven could not resolve " + what + ": " + error;
	}

	private Path rememberedFile(List<String> coordinates) {
		return cacheDirectory.resolve(String.join("+", coordinates).replace(':', '_') + ".classpath");
	}

	private static String pom(List<String> coordinates) {
		StringBuilder dependencies = new StringBuilder();
		for (String coordinate : coordinates) {
			String[] gav = coordinate.split(":");
			dependencies.append("<dependency><groupId>").append(gav[0]).append("</groupId><artifactId>").append(gav[1])
					.append("</artifactId><version>").append(gav[2]).append("</version>")
					.append(gav.length > 3 ? "<classifier>" + gav[3] + "</classifier>" : "").append("</dependency>");
		}
		return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
				+ "<groupId>org.ganworkbench.resolve</groupId><artifactId>runtime</artifactId><version>1</version>"
				+ "<dependencies>" + dependencies + "</dependencies></project>";
	}

	private static List<String> read(Path classpathFile) {
		try {
			String text = Files.readString(classpathFile).strip();
			return text.isEmpty() ? List.of() : List.of(text.split(File.pathSeparator));
		} catch (IOException e) {
			return List.of();
		}
	}
}
