package org.ganworkbench.trainer.tests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ganworkbench.model.GanModel;
import org.ganworkbench.model.Templates;
import org.ganworkbench.trainer.build.GanBuilder;
import org.ganworkbench.trainer.monitor.SingularValues;
import org.ganworkbench.trainer.nn.Weight;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the fix of the singular-value monitor costs: one singular-value event (the three largest
 * singular values of every weight of G and D, as Trainer.writeSigma takes them) by SingularValues
 * against the code before the fix, on the DCGAN 28x28x1 and SN-GAN 32x32x3 templates; the two take
 * turns, and the median of the rounds is printed.
 * <p>
 * {@code SingularValuesCost [ROUNDS]} (default 30), with the classes releng/stress-nd4j.sh compiles.
 */
public final class SingularValuesCost {

	private SingularValuesCost() {
	}

	@FunctionalInterface
	private interface Svd {
		double[] largest(INDArray matrix, int count);
	}

	public static void main(String[] args) throws Exception {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
		for (String[] template : new String[][] { { "dcgan", "28", "1" }, { "sngan", "32", "3" } }) {
			GanModel model = GanBuilder.parse(Templates.text(template[0], Integer.parseInt(template[1]),
					Integer.parseInt(template[2])), template[0] + ".gan");
			List<INDArray> matrices = new ArrayList<>();
			for (Weight w : GanBuilder.generator(model, 1, DataType.FLOAT).weights()) {
				matrices.add(w.matrix());
			}
			for (Weight w : GanBuilder.discriminator(model, 1, DataType.FLOAT).weights()) {
				matrices.add(w.matrix());
			}
			double[] before = new double[rounds];
			double[] after = new double[rounds];
			double difference = 0;
			for (int r = -5; r < rounds; r++) {
				long t0 = System.nanoTime();
				List<double[]> old = event(matrices, StressWork::largestBeforeFix);
				long t1 = System.nanoTime();
				List<double[]> now = event(matrices, SingularValues::largest);
				long t2 = System.nanoTime();
				if (r >= 0) {
					before[r] = (t1 - t0) / 1e6;
					after[r] = (t2 - t1) / 1e6;
				}
				for (int i = 0; i < old.size(); i++) {
					for (int j = 0; j < old.get(i).length; j++) {
						difference = Math.max(difference, Math.abs(old.get(i)[j] - now.get(i)[j]) / old.get(i)[0]);
					}
				}
			}
			System.out.printf(Locale.ROOT, "%s %sx%sx%s, %d weights: a singular-value event takes %.2f ms before the fix, "
					+ "%.2f ms with it (medians of %d rounds); largest relative difference %.1e%n", template[0], template[1],
					template[1], template[2], matrices.size(), median(before), median(after), rounds, difference);
		}
		System.exit(0);
	}

	private static List<double[]> event(List<INDArray> matrices, Svd svd) {
		List<double[]> sigmas = new ArrayList<>();
		for (INDArray m : matrices) {
			sigmas.add(svd.largest(m, 3));
		}
		return sigmas;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}
}
