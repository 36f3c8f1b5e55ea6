package org.ganworkbench.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** This machine: CPU, threads, versions, and its sgemm peak as each engine's BLAS reaches it. */
record Machine(String cpu, int cores, String threads, String versions, double nd4jSgemm, double torchSgemm) {

	private static final int N = 1024;
	private static final int REPEATS = 10;

	/** The best sgemm rate measured: the denominator of model FLOP utilisation. */
	double peakFlops() {
		return Math.max(nd4jSgemm, torchSgemm);
	}

	static Machine measure() {
		String versions = "java " + System.getProperty("java.version") + ", ND4J 1.0.0-M2.1 (native build "
				+ System.getProperty("org.bytedeco.javacpp.platform.extension", "plain") + "), " + Benchmark.engineVersion()
				+ " on DJL " + ai.djl.engine.Engine.getDjlVersion();
		String threads = "OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS") + ", torch threads "
				+ System.getProperty("ai.djl.pytorch.num_threads", "default");
		return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), threads, versions, measureNd4jSgemm(),
				measureTorchSgemm());
	}

	String describe() {
		return String.format("machine: %s, %d cores; %s; %s; %s%nsgemm %d: ND4J %.1f GFLOP/s, PyTorch %.1f GFLOP/s (peak for MFU %.1f)",
				cpu, cores, versions, threads, LocalDate.now(), N, nd4jSgemm / 1e9, torchSgemm / 1e9, peakFlops() / 1e9);
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
					.map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
		} catch (IOException e) {
			return "unknown CPU";
		}
	}

	private static double measureNd4jSgemm() {
		INDArray a = Nd4j.rand(DataType.FLOAT, N, N);
		INDArray b = Nd4j.rand(DataType.FLOAT, N, N);
		INDArray c = Nd4j.create(DataType.FLOAT, N, N);
		double best = 0;
		for (int i = 0; i < REPEATS; i++) {
			long start = System.nanoTime();
			a.mmuli(b, c);
			best = Math.max(best, 2.0 * N * N * N / ((System.nanoTime() - start) / 1e9));
		}
		return best;
	}

	private static double measureTorchSgemm() {
		try (NDManager manager = NDManager.newBaseManager()) {
			NDArray a = manager.randomUniform(0, 1, new Shape(N, N));
			NDArray b = manager.randomUniform(0, 1, new Shape(N, N));
			double best = 0;
			for (int i = 0; i < REPEATS; i++) {
				long start = System.nanoTime();
				a.matMul(b).close();
				best = Math.max(best, 2.0 * N * N * N / ((System.nanoTime() - start) / 1e9));
			}
			return best;
		}
	}
}
