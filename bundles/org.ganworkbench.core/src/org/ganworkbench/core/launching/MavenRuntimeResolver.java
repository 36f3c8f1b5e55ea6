package org.ganworkbench.core.launching;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.ganworkbench.model.backend.Executables;

/**
 * Resolves a backend that the update site does not carry (CUDA, other platforms) from Maven
 * coordinates into the user's local Maven repository, with the user's own Maven (so their mirrors,
 * proxies and credentials apply, and no repository address is built in). The resolved classpath is
 * remembered in a file, so only the first launch waits.
 */
public final class MavenRuntimeResolver {

	/** The CUDA 11.6 build of ND4J for linux-x86_64, as DL4J 1.0.0-M2.1 publishes it. */
	public static final String CUDA_ARTIFACT = "org.nd4j:nd4j-cuda-11.6:1.0.0-M2.1"; //$NON-NLS-1$
	public static final String CUDA_CLASSIFIER = "linux-x86_64"; //$NON-NLS-1$

	private final String searchPath;
	private final Path cacheDirectory;

	/**
	 * @param searchPath     the PATH to find {@code mvn} on
	 * @param cacheDirectory where resolved classpaths are remembered (the core bundle's state location)
	 */
	public MavenRuntimeResolver(String searchPath, Path cacheDirectory) {
		this.searchPath = searchPath == null ? "" : searchPath; //$NON-NLS-1$
		this.cacheDirectory = cacheDirectory;
	}

	/** The jars of the artifact and its dependencies; resolves them on first use. */
	public List<String> classpath(String artifact, String classifier, IProgressMonitor monitor) throws CoreException {
		Path remembered = cacheDirectory.resolve(artifact.replace(':', '_') + '_' + classifier + ".classpath"); //$NON-NLS-1$
		List<String> known = read(remembered);
		if (!known.isEmpty() && known.stream().allMatch(p -> new File(p).isFile())) {
			return known;
		}
		List<String> resolved = resolve(artifact, classifier, remembered, monitor);
		return resolved;
	}

	private List<String> resolve(String artifact, String classifier, Path output, IProgressMonitor monitor)
			throws CoreException {
		SubMonitor progress = SubMonitor.convert(monitor, Messages.bind(Messages.MavenRuntimeResolver_resolving, artifact),
				IProgressMonitor.UNKNOWN);
		File mvn = findMaven();
		if (mvn == null) {
			throw new CoreException(Status.error(Messages.bind(Messages.MavenRuntimeResolver_noMaven, artifact)));
		}
		Path project;
		try {
			Files.createDirectories(cacheDirectory);
			project = Files.createTempDirectory(cacheDirectory, "resolve"); //$NON-NLS-1$
			Files.writeString(project.resolve("pom.xml"), pom(artifact, classifier)); //$NON-NLS-1$
		} catch (IOException e) {
			throw new CoreException(Status.error(e.getMessage(), e));
		}
		List<String> command = Arrays.asList(mvn.getAbsolutePath(), "-B", "dependency:build-classpath", //$NON-NLS-1$ //$NON-NLS-2$
				"-Dmdep.outputFile=" + output.toAbsolutePath(), "-Dmdep.includeScope=runtime"); //$NON-NLS-1$ //$NON-NLS-2$
		List<String> transcript = new ArrayList<>();
		int exit;
		try {
			Process process = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					transcript.add(line);
					if (line.contains("Downloading") || line.contains("Downloaded")) { //$NON-NLS-1$ //$NON-NLS-2$
						progress.subTask(line.replaceFirst("^\\[INFO\\]\\s*", "")); //$NON-NLS-1$ //$NON-NLS-2$
					}
					progress.worked(1);
					if (progress.isCanceled()) {
						process.destroyForcibly();
						throw new OperationCanceledException();
					}
				}
			}
			exit = process.waitFor();
		} catch (IOException e) {
			throw new CoreException(Status.error(Messages.bind(Messages.MavenRuntimeResolver_failed, artifact, e.getMessage()), e));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new OperationCanceledException();
		}
		List<String> classpath = read(output);
		if (exit != 0 || classpath.isEmpty()) {
			throw new CoreException(Status.error(explain(artifact, transcript)));
		}
		return classpath;
	}

	/** A message that says what went wrong: offline, or what Maven said. */
	static String explain(String artifact, List<String> transcript) {
		for (String line : transcript) {
			String lower = line.toLowerCase();
			if (lower.contains("unknownhost") || lower.contains("unknown host") || lower.contains("connect timed out") //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					|| lower.contains("network is unreachable") || lower.contains("offline mode")) { //$NON-NLS-1$ //$NON-NLS-2$
				return Messages.bind(Messages.MavenRuntimeResolver_offline, artifact);
			}
		}
		String error = transcript.stream().filter(l -> l.startsWith("[ERROR]")).findFirst().orElse(""); //$NON-NLS-1$ //$NON-NLS-2$
		return Messages.bind(Messages.MavenRuntimeResolver_failed, artifact, error);
	}

	private static String pom(String artifact, String classifier) {
		String[] gav = artifact.split(":"); //$NON-NLS-1$
		String dependency = "<dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version>%s</dependency>"; //$NON-NLS-1$
		return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>" //$NON-NLS-1$
				+ "<groupId>org.ganworkbench.resolve</groupId><artifactId>runtime</artifactId><version>1</version><dependencies>" //$NON-NLS-1$
				+ String.format(dependency, gav[0], gav[1], gav[2], "") //$NON-NLS-1$
				+ String.format(dependency, gav[0], gav[1], gav[2], "<classifier>" + classifier + "</classifier>") //$NON-NLS-1$ //$NON-NLS-2$
				+ "</dependencies></project>"; //$NON-NLS-1$
	}

	private static List<String> read(Path classpathFile) {
		try {
			String text = Files.readString(classpathFile).strip();
			return text.isEmpty() ? List.of() : List.of(text.split(File.pathSeparator));
		} catch (IOException e) {
			return List.of();
		}
	}

	private File findMaven() {
		return Executables.find(searchPath, "mvn"); //$NON-NLS-1$
	}
}
