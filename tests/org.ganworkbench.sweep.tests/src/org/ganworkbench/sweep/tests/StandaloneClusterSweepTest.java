package org.ganworkbench.sweep.tests;

import static org.ganworkbench.sweep.tests.TinySweeps.STEPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.ganworkbench.model.run.RunDirectory;
import org.ganworkbench.model.run.RunEvent;
import org.ganworkbench.sweep.SweepDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on a real Spark standalone cluster on this machine: Spark's own Master and two Workers (one
 * core each) in JVMs of their own, the sweep through spark://127.0.0.1:PORT. While both workers train
 * a trial, one worker is killed with SIGKILL. Its executor goes with it and stops its trainer with a
 * checkpoint; Spark runs the task again on the other worker, which resumes the trial from that
 * checkpoint, and the sweep ends with every trial finished.
 */
class StandaloneClusterSweepTest {

	@TempDir
	Path folder;

	private final List<Process> cluster = new ArrayList<>();

	@AfterEach
	void stopTheCluster() {
		cluster.forEach(Process::destroyForcibly);
	}

	@Test
	void aTrialOfAKilledWorkerResumesOnTheOther() throws Exception {
		int port = freePort();
		String master = "spark://127.0.0.1:" + port;
		start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", Integer.toString(port),
				"--webui-port", "0");
		waitForPort(port);
		Process doomed = start("worker1", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
				"--memory", "2g", "--webui-port", "0", "--work-dir", folder.resolve("work1").toString(), master);
		start("worker2", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1", "--memory", "2g",
				"--webui-port", "0", "--work-dir", folder.resolve("work2").toString(), master);

		Path model = TinySweeps.write(folder, "cluster.gan", TinySweeps.model("""
				    objective = loss_g
				    seeds = [1, 2]
				    vary "training.g_optimizer.lr" { values = [2e-4, 1e-3] }"""));
		Path sweep = folder.resolve("runs").resolve("cluster-sweep");
		System.setProperty("spark.driver.host", "127.0.0.1"); // the executors call the driver back there
		CompletableFuture<TinySweeps.Result> result = CompletableFuture.supplyAsync(() -> {
			try {
				return TinySweeps.run(new SweepDriver.Options(model, master, 2, null, 3L * STEPS, null));
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		// Both workers train; kill one once every running trial has a checkpoint to resume from.
		long deadline = System.nanoTime() + 240_000_000_000L;
		while (runningWithCheckpoint(sweep) < 2) {
			if (result.isDone() || System.nanoTime() > deadline) {
				fail("two trials never trained at once with checkpoints: " + (result.isDone() ? result.get().out() + result.get().err()
						: "timed out") + diagnostics());
			}
			Thread.sleep(200);
		}
		doomed.destroyForcibly(); // SIGKILL
		TinySweeps.Result done = result.get();
		System.out.println(done.out());
		assertEquals(SweepDriver.OK, done.exit(), done.out() + done.err());

		int resumed = 0;
		for (Object item : (List<?>) TinySweeps.sweepJson(sweep).get("trials")) {
			Map<?, ?> trial = (Map<?, ?>) item;
			String name = (String) trial.get("name");
			assertEquals("finished", trial.get("state"), name + "\n" + done.out() + done.err());
			assertEquals(3.0 * STEPS, ((Number) trial.get("step")).doubleValue(), name);
			List<String> states = new RunDirectory(sweep.resolve(name)).readEvents().stream()
					.filter(e -> RunEvent.STATUS.equals(e.type())).map(e -> String.valueOf(e.fields().get("state"))).toList();
			if (states.contains("interrupted")) {
				resumed++;
				String log = Files.readString(sweep.resolve("logs").resolve(name + ".log"));
				assertTrue(log.contains("--- resume ") && log.contains("resuming "), name + " resumed from its checkpoint:\n" + log);
				assertTrue(states.indexOf("interrupted") < states.lastIndexOf("finished"), states.toString());
			}
		}
		assertEquals(1, resumed, "the one trial on the killed worker stopped with a checkpoint and resumed");
	}

	/** The tails of the cluster's logs, for a failure's message. */
	private String diagnostics() throws IOException {
		StringBuilder text = new StringBuilder();
		for (String name : List.of("master", "worker1", "worker2")) {
			Path log = folder.resolve(name + ".log");
			List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
			text.append("\n--- ").append(name).append(".log\n")
					.append(String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size())));
		}
		try (var files = Files.walk(folder, 3)) {
			text.append("\n--- files\n").append(String.join("\n", files.map(Path::toString).filter(f -> !f.contains("spark-home")).toList()));
		}
		return text.toString();
	}

	/** Trials whose trainer is alive (process.json) and that have written a checkpoint. */
	private static int runningWithCheckpoint(Path sweep) throws IOException {
		if (!Files.isDirectory(sweep)) {
			return 0;
		}
		int count = 0;
		try (var trials = Files.list(sweep)) {
			for (Path trial : trials.toList()) {
				RunDirectory run = new RunDirectory(trial);
				if (Files.exists(run.process()) && Files.isDirectory(run.checkpoints()) && !run.checkpointFiles().isEmpty()) {
					count++;
				}
			}
		}
		return count;
	}

	private Process start(String name, String mainClass, String... args) throws IOException {
		Path home = folder.resolve("spark-home");
		if (!Files.exists(home.resolve("jars"))) {
			// Workers build the executor's command from SPARK_HOME/jars: Spark's jars, as this JVM has them
			Files.createDirectories(home.resolve("jars"));
			for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
				Path jar = Path.of(entry);
				if (entry.endsWith(".jar") && Files.isRegularFile(jar) && !Files.exists(home.resolve("jars").resolve(jar.getFileName()))) {
					Files.createSymbolicLink(home.resolve("jars").resolve(jar.getFileName()), jar);
				}
			}
		}
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(folder.resolve(name + ".log").toFile());
		builder.environment().put("SPARK_HOME", home.toString());
		builder.environment().put("SPARK_SCALA_VERSION", "2.13");
		builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
		// Executors run on the workers' JAVA_HOME. Spark 4.1's executors ask Hadoop for the user, which calls
		// Subject.getSubject, refused from Java 23 on: the cluster runs on Java 17 to 22 (docs/sweeps.md).
		builder.environment().put("JAVA_HOME", executorJavaHome().toString());
		Process process = builder.start();
		cluster.add(process);
		return process;
	}

	/** A JDK of version 17 to 22 on this machine (the default JDK is 17 on these machines). */
	private static Path executorJavaHome() throws IOException {
		try (var jdks = Files.list(Path.of("/usr/lib/jvm"))) {
			for (Path jdk : jdks.sorted().toList()) {
				Path release = jdk.resolve("release");
				if (Files.isRegularFile(release) && Files.isExecutable(jdk.resolve("bin/java"))) {
					var version = java.util.regex.Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
					if (version.find() && Integer.parseInt(version.group(1)) >= 17 && Integer.parseInt(version.group(1)) <= 22) {
						return jdk;
					}
				}
			}
		}
		throw new IllegalStateException("no JDK 17 to 22 in /usr/lib/jvm for the Spark workers' executors");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void waitForPort(int port) throws InterruptedException {
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				return;
			} catch (IOException notYet) {
				Thread.sleep(200);
			}
		}
		fail("the Spark master did not listen on " + port + " within 60 s");
	}
}
