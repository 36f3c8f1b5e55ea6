package org.ganworkbench.model.run;

import java.util.List;

/**
 * The names of the values in {@code metrics} and {@code quality} events (docs/run-format.md), shared
 * by the trainer that writes them and every reader (views, the Runs view, commands), so a rename
 * cannot leave a reader behind.
 */
public final class MetricNames {

	// metrics events
	public static final String LOSS_G = "loss_g";
	public static final String LOSS_D = "loss_d";
	/** Mean D output on real and on generated images. */
	public static final String D_REAL = "d_real";
	public static final String D_FAKE = "d_fake";
	/** E[sign D(real)], the overfitting signal of StyleGAN2-ADA. */
	public static final String R_T = "r_t";
	/** The adaptive augmentation's probability. */
	public static final String AUG_P = "aug_p";
	public static final String GRAD_NORM_G = "grad_norm_g";
	public static final String GRAD_NORM_D = "grad_norm_d";
	public static final String IMAGES_PER_SEC = "images_per_sec";
	public static final String R1 = "r1";
	public static final String R2 = "r2";
	/** The WGAN-GP gradient penalty. */
	public static final String GP = "gp";
	/** The trainer's Java heap in use and its resident native memory, in MB. */
	public static final String HEAP_MB = "heap_mb";
	public static final String NATIVE_MB = "native_mb";

	// quality events
	public static final String FD = "fd";
	public static final String KID = "kid";
	public static final String PRECISION = "precision";
	public static final String RECALL = "recall";
	public static final String KNN_COVERAGE = "knn_coverage";
	/** An object: which classes the generator covers. */
	public static final String COVERAGE = "coverage";

	/** The numeric values of a metrics event that describe training (a sweep's objective may be one). */
	public static final List<String> SCALARS = List.of(LOSS_G, LOSS_D, D_REAL, D_FAKE, R_T, AUG_P, GRAD_NORM_G, GRAD_NORM_D,
			IMAGES_PER_SEC, R1, R2, GP);

	/** The numeric values of a quality event, in the order views list them. */
	public static final List<String> QUALITY = List.of(FD, KID, PRECISION, RECALL, KNN_COVERAGE);

	private MetricNames() {
	}
}
