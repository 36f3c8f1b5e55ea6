package org.ganworkbench.model;

/**
 * Every default of the format in one place, each with the paper it comes from (docs/model-format.md
 * lists the same). "Workbench" marks values chosen for small CPU runs rather than taken from a paper.
 */
public final class Defaults {

	private Defaults() {
	}

	/** BigGAN (Brock et al. 2019) uses a 128-d z without hierarchical latents. */
	public static final int LATENT_SIZE = 128;
	public static final PriorKind PRIOR = PriorKind.NORMAL;
	/** Bernoulli priors: p = 0.5 (BigGAN appendix E). */
	public static final double BERNOULLI_P = 0.5;
	/** BigGAN's shared class embedding is 128-d. */
	public static final int CLASS_EMBEDDING = 128;
	/** Off unless asked; SN-GAN (Miyato et al. 2018) applies it to D, BigGAN to G and D. */
	public static final boolean SPECTRAL_NORM = false;
	/** Off unless asked; BigGAN uses beta = 1e-4 on G. */
	public static final double ORTHO_REG = 0;

	/** Synthetic images sized like Fashion-MNIST (workbench). */
	public static final DataSource DATA_SOURCE = DataSource.SYNTHETIC;
	public static final int IMAGE_CHANNELS = 1;
	public static final int IMAGE_SIZE = 28;
	public static final int CLASSES = 0;

	/** Hinge loss, as SN-GAN and BigGAN (Lim and Ye 2017). */
	public static final LossKind LOSS = LossKind.HINGE;
	/** WGAN-GP's lambda = 10 (Gulrajani et al. 2017). */
	public static final double GP_WEIGHT = 10;
	/** SN-GAN's CIFAR-10 batch size. */
	public static final int BATCH = 64;
	/** Workbench: enough for a first look on a CPU. */
	public static final int STEPS = 10_000;
	/** BigGAN: 2 D steps per G step. */
	public static final int D_STEPS = 2;
	/** BigGAN: G lr 5e-5, D lr 2e-4, Adam beta1 = 0, beta2 = 0.999. */
	public static final double G_LEARNING_RATE = 5e-5;
	public static final double D_LEARNING_RATE = 2e-4;
	public static final double BETA1 = 0;
	public static final double BETA2 = 0.999;
	/** Adam's epsilon from Kingma and Ba 2015. */
	public static final double ADAM_EPS = 1e-8;
	public static final OptimizerKind OPTIMIZER = OptimizerKind.ADAM;
	/** BigGAN: EMA of G's weights with decay 0.9999. */
	public static final boolean EMA_ENABLED = true;
	public static final double EMA_DECAY = 0.9999;
	/** Workbench: BigGAN's reference code starts EMA at 20000 steps, too late for short CPU runs. */
	public static final int EMA_START = 1000;
	/** No truncation (BigGAN's truncation trick is opt-in at sampling time). */
	public static final double TRUNCATION = 0;
	/** R1 (Mescheder et al. 2018) and R2 off unless asked. */
	public static final double R1 = 0;
	public static final double R2 = 0;
	/** DiffAugment (Zhao et al. 2020) augments every image: p = 1 unless adaptive. */
	public static final double AUGMENT_PROBABILITY = 1;
	/** 0 = fixed probability; ADA (Karras et al. 2020) uses target r_t = 0.6. */
	public static final double AUGMENT_TARGET = 0;
	public static final long SEED = 0;
	/** Workbench intervals, in steps. */
	public static final int SAMPLE_INTERVAL = 500;
	public static final int SINGULAR_VALUE_INTERVAL = 100;
	public static final int METRIC_INTERVAL = 10;
	public static final int CHECKPOINT_INTERVAL = 1000;
	/**
	 * Workbench: the newest five checkpoints (besides the best by FD and those the user marked) reach
	 * back five intervals, past a collapse noticed late, while a long run's disk use stays bounded.
	 */
	public static final int KEEP_CHECKPOINTS = 5;
	/**
	 * Workbench: FD, KID, precision/recall and coverage as often as checkpoints, so that the best
	 * checkpoint by FD can be picked; 0 turns them off.
	 */
	public static final int QUALITY_INTERVAL = CHECKPOINT_INTERVAL;

	/** DCGAN (Radford et al. 2016): leaky ReLU slope 0.2. */
	public static final double LEAKY_SLOPE = 0.2;
	/** DL4J BatchNormalization defaults: eps 1e-5, decay 0.9. */
	public static final double BATCH_NORM_EPS = 1e-5;
	public static final double BATCH_NORM_MOMENTUM = 0.9;
	public static final double LAYER_NORM_EPS = 1e-5;
	/** ProGAN (Karras et al. 2018): minibatch stddev over groups of 4. */
	public static final int STDDEV_GROUP = 4;
	/** BigGAN blocks use 3x3 convolutions. */
	public static final int BLOCK_KERNEL = 3;
}
