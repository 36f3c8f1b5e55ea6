package org.ganworkbench.trainer.tests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the trainer's Main in a JVM of its own, with the test's classpath. */
final class TrainerProcess {

	private TrainerProcess() {
	}

	/** The classpath for the trainer JVM: -Dtrainer.classpath when the test runner hides its own. */
	static String classpath() {
		return System.getProperty("trainer.classpath", System.getProperty("java.class.path"));
	}

	static ProcessBuilder builder(List<String> jvmOptions, String... args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx1g");
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(classpath());
		command.add("org.ganworkbench.trainer.Main");
		command.addAll(List.of(args));
		return new ProcessBuilder(command);
	}

	static Process start(File log, List<String> jvmOptions, String... args) throws IOException {
		return builder(jvmOptions, args).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log))
				.start();
	}
}
