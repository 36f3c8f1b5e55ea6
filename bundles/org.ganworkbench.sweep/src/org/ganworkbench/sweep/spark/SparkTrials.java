package org.ganworkbench.sweep.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.ganworkbench.sweep.trial.TrialJob;
import org.ganworkbench.sweep.trial.TrialRunner;
import org.ganworkbench.sweep.plan.TrialRecord;

import scala.Tuple2;

/**
 * Runs trials as Spark tasks: one task per trial, at most {@code parallel} at once. The default master
 * is an embedded {@code local[N]}; {@code spark://HOST:PORT} is a standalone cluster, whose workers must
 * see the sweep directory and the trainer's class path at the same paths. A task whose trainer crashes
 * fails and Spark retries it (up to {@link #ATTEMPTS} attempts), and the retry resumes from the last
 * checkpoint; after the last attempt the trial is recorded as failed and the other trials go on.
 */
public final class SparkTrials {

	public static final int ATTEMPTS = 4;
	private static final int CONNECT_TIMEOUT_MILLIS = 3000;

	private SparkTrials() {
	}

	/** The master URL Spark is given: "local" becomes local[parallel, attempts]. */
	public static String master(String master, int parallel) {
		return master == null || master.equals("local") ? "local[" + parallel + "," + ATTEMPTS + "]" : master;
	}

	/**
	 * Fails fast, with a message a user can act on, when a standalone master does not answer: Spark
	 * itself would wait minutes for resources that never come.
	 */
	public static void checkReachable(String master) throws IOException {
		if (master.startsWith("k8s://")) {
			// Spark's Kubernetes scheduler is a module of its own (spark-kubernetes) that is not carried
			throw new IOException("the k8s:// master needs Spark's Kubernetes module, which GAN Workbench does not carry:"
					+ " run Spark's standalone Master and Workers on the cluster and give --master spark://HOST:PORT"
					+ " (docs/sweeps.md, On Kubernetes)");
		}
		if (!master.startsWith("spark://")) {
			return;
		}
		URI uri = URI.create(master);
		if (uri.getHost() == null || uri.getPort() < 0) {
			throw new IOException("the master URL must be spark://HOST:PORT, got " + master);
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_TIMEOUT_MILLIS);
		} catch (IOException e) {
			throw new IOException("cannot reach the Spark master at " + master + " (" + e.getMessage()
					+ "): is it running, and is the port right? Without --master the sweep runs on this machine", e);
		}
	}

	/** Runs every job; returns each trial's final state word by trial name. */
	public static Map<String, String> run(String master, int parallel, List<TrialJob> jobs, String appName) {
		SparkConf conf = new SparkConf().setAppName(appName).setMaster(master(master, parallel))
				.set("spark.ui.enabled", "false")
				.set("spark.task.maxFailures", Integer.toString(ATTEMPTS))
				// a cluster's executors need no more than a core each: the trainer they start does the work
				.set("spark.executor.cores", "1").set("spark.cores.max", Integer.toString(parallel))
				.set("spark.executor.extraClassPath", System.getProperty("java.class.path"))
				.set("spark.locality.wait", "0");
		Map<String, String> states = new LinkedHashMap<>();
		try (JavaSparkContext spark = new JavaSparkContext(conf)) {
			spark.setLogLevel("WARN");
			List<Tuple2<String, String>> results = spark.parallelize(jobs, Math.max(1, jobs.size()))
					.map(job -> new Tuple2<>(job.trialName(), attempt(job))).collect();
			for (Tuple2<String, String> result : results) {
				states.put(result._1(), result._2());
			}
		}
		return states;
	}

	/** One attempt of a trial's task; the last attempt turns a crash into a failed trial instead of a failed sweep. */
	private static String attempt(TrialJob job) throws Exception {
		try {
			return TrialRunner.run(job);
		} catch (IOException | RuntimeException e) {
			TaskContext task = TaskContext.get();
			if (task != null && task.attemptNumber() + 1 < ATTEMPTS) {
				throw e;
			}
			return TrialRecord.FAILED + ": " + e.getMessage();
		}
	}
}
