package org.ganworkbench.core.internal.classpath;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the sources jar of a library jar in the local Maven repository, using the Maven coordinates
 * the jar carries in META-INF/maven/.../pom.properties. Nothing is downloaded.
 */
final class SourceJars {

	private final File repository;

	SourceJars() {
		this(new File(System.getProperty("maven.repo.local", //$NON-NLS-1$
				System.getProperty("user.home") + "/.m2/repository"))); //$NON-NLS-1$ //$NON-NLS-2$
	}

	SourceJars(File repository) {
		this.repository = repository;
	}

	File find(File jar) {
		if (!jar.isFile() || !jar.getName().endsWith(".jar")) { //$NON-NLS-1$
			return null;
		}
		try (ZipFile zip = new ZipFile(jar)) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				if (entry.getName().startsWith("META-INF/maven/") && entry.getName().endsWith("/pom.properties")) { //$NON-NLS-1$ //$NON-NLS-2$
					Properties pom = new Properties();
					try (InputStream in = zip.getInputStream(entry)) {
						pom.load(in);
					}
					File sources = sourcesOf(pom.getProperty("groupId"), pom.getProperty("artifactId"), //$NON-NLS-1$ //$NON-NLS-2$
							pom.getProperty("version")); //$NON-NLS-1$
					if (sources != null) {
						return sources;
					}
				}
			}
		} catch (IOException e) {
			// not a readable jar: no sources
		}
		return null;
	}

	private File sourcesOf(String group, String artifact, String version) {
		if (group == null || artifact == null || version == null) {
			return null;
		}
		File file = new File(repository, group.replace('.', '/') + '/' + artifact + '/' + version + '/' + artifact + '-'
				+ version + "-sources.jar"); //$NON-NLS-1$
		return file.isFile() ? file : null;
	}
}
