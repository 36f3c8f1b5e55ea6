package org.ganworkbench.model;

import java.util.List;

/**
 * The model files the New GAN Project wizard offers, generated for an image size and channel count.
 * All are deliberately small: a few hundred thousand parameters, seconds per hundred steps on two
 * CPU cores. Both networks go from size/4 to size, so the size must be a multiple of 4.
 */
public final class Templates {

	private static final List<String> NAMES = List.of("dcgan", "sngan", "r3gan");

	private Templates() {
	}

	public static List<String> names() {
		return NAMES;
	}

	public static String describe(String name) {
		return switch (name) {
		case "dcgan" -> "DCGAN: transposed convolutions, batch norm, non-saturating loss (Radford et al. 2016)";
		case "sngan" -> "SN-GAN in the BigGAN style: residual blocks, hinge loss, spectral norm, class-conditional "
				+ "batch norm, self-attention, projection D, EMA, orthogonal regularisation";
		case "r3gan" -> "R3GAN-style: relativistic pairing loss with R1 and R2, no normalisation tricks";
		default -> throw new IllegalArgumentException("unknown template '" + name + "', known: " + NAMES);
		};
	}

	/**
	 * The template's model file for square images of {@code size} pixels with 1 or 3 channels.
	 *
	 * @throws IllegalArgumentException for an unknown name, a size that is not a multiple of 4 from 8
	 *             to 256, or a channel count other than 1 or 3
	 */
	public static String text(String name, int size, int channels) {
		describe(name);
		if (size < 8 || size > 256 || size % 4 != 0) {
			throw new IllegalArgumentException("image size must be a multiple of 4 from 8 to 256, got " + size);
		}
		if (channels != 1 && channels != 3) {
			throw new IllegalArgumentException("images have 1 or 3 channels, got " + channels);
		}
		String text = switch (name) {
		case "dcgan" -> DCGAN;
		case "sngan" -> SNGAN;
		default -> R3GAN;
		};
		int base = size / 4;
		return text.replace("$NAME", name + "-" + size + "x" + size + "x" + channels).replace("$SIZE", Integer.toString(size))
				.replace("$C", Integer.toString(channels)).replace("$B", Integer.toString(base))
				.replace("$U128", Integer.toString(128 * base * base)).replace("$U64", Integer.toString(64 * base * base));
	}

	private static final String DATA = """
				data {
					source = synthetic
					image = [$C, $SIZE, $SIZE]
					classes = $CLASSES
				}
			""";

	private static final String DCGAN = """
			# DCGAN (Radford et al. 2016) for $SIZEx$SIZE images with $C channel(s).
			gan "$NAME" {
				latent {
					size = 64
					prior = normal
				}
			""" + DATA.replace("$CLASSES", "0") + """
				generator {
					dense fc { units = $U128 }
					reshape r { shape = [128, $B, $B] }
					batchnorm bn0 {}
					relu a0 {}
					deconv up1 { filters = 64; kernel = 4; stride = 2; padding = 1 }
					batchnorm bn1 {}
					relu a1 {}
					# the example layer in src/: adds noise scaled by a learned factor per channel
					custom noise1 { class = "gan.layers.ScaledNoise"; params = 64; strength = 0.1 }
					deconv up2 { filters = $C; kernel = 4; stride = 2; padding = 1 }
					tanh out {}
				}
				discriminator {
					conv d1 { filters = 64; kernel = 4; stride = 2; padding = 1 }
					leaky_relu a1 { slope = 0.2 }
					conv d2 { filters = 128; kernel = 4; stride = 2; padding = 1 }
					batchnorm bn2 {}
					leaky_relu a2 { slope = 0.2 }
					dense out { units = 1 }
				}
				training {
					loss = non_saturating
					batch = 64
					steps = 2000
					d_steps = 1
					seed = 1
					# DCGAN's Adam settings
					g_optimizer { lr = 0.0002; beta1 = 0.5; beta2 = 0.999 }
					d_optimizer { lr = 0.0002; beta1 = 0.5; beta2 = 0.999 }
					ema { enabled = false }
					intervals { samples = 100; singular_values = 50; metrics = 10; checkpoints = 500 }
				}
			}
			""";

	private static final String SNGAN = """
			# SN-GAN with BigGAN's tricks (Miyato et al. 2018, Brock et al. 2019) for $SIZEx$SIZE images with $C channel(s).
			gan "$NAME" {
				latent {
					size = 96 # hierarchical: 3 chunks of 32, for the input and each gblock
					prior = normal
					hierarchical = true
				}
			""" + DATA.replace("$CLASSES", "4") + """
				generator {
					spectral_norm = true
					ortho_reg = 0.0001
					class_embedding = 32
					dense fc { units = $U64 }
					reshape r { shape = [64, $B, $B] }
					gblock g1 { filters = 64 }
					attention att1 {}
					gblock g2 { filters = 32 }
					batchnorm bn {}
					relu a {}
					conv rgb { filters = $C; kernel = 3; padding = 1 }
					tanh out {}
				}
				discriminator {
					spectral_norm = true
					dblock d1 { filters = 64; preactivation = false }
					dblock d2 { filters = 128 }
					relu a {}
					global_pool pool { mode = sum }
					projection out {}
				}
				training {
					loss = hinge
					batch = 32
					steps = 2000
					d_steps = 2
					seed = 1
					# SAGAN's two time-scale learning rates; BigGAN's betas
					g_optimizer { lr = 0.0001; beta1 = 0; beta2 = 0.999 }
					d_optimizer { lr = 0.0004; beta1 = 0; beta2 = 0.999 }
					ema { decay = 0.999; start = 200 }
					intervals { samples = 100; singular_values = 50; metrics = 10; checkpoints = 500 }
				}
			}
			""";

	private static final String R3GAN = """
			# R3GAN-style baseline (Huang et al. 2024) for $SIZEx$SIZE images with $C channel(s):
			# relativistic pairing loss made stable by R1 and R2, and no normalisation layers.
			gan "$NAME" {
				latent {
					size = 64
					prior = normal
				}
			""" + DATA.replace("$CLASSES", "0") + """
				generator {
					dense fc { units = $U128 }
					reshape r { shape = [128, $B, $B] }
					leaky_relu a0 { slope = 0.2 }
					upsample u1 { factor = 2 }
					conv c1 { filters = 64; kernel = 3; padding = same }
					leaky_relu a1 { slope = 0.2 }
					upsample u2 { factor = 2 }
					conv c2 { filters = 32; kernel = 3; padding = same }
					leaky_relu a2 { slope = 0.2 }
					conv rgb { filters = $C; kernel = 3; padding = same }
					tanh out {}
				}
				discriminator {
					conv d1 { filters = 32; kernel = 3; padding = same }
					leaky_relu a1 { slope = 0.2 }
					downsample p1 { factor = 2 }
					conv d2 { filters = 64; kernel = 3; padding = same }
					leaky_relu a2 { slope = 0.2 }
					downsample p2 { factor = 2 }
					conv d3 { filters = 128; kernel = 3; padding = same }
					leaky_relu a3 { slope = 0.2 }
					dense out { units = 1 }
				}
				training {
					loss = relativistic
					r1 = 0.1
					r2 = 0.1
					batch = 64
					steps = 2000
					d_steps = 1
					seed = 1
					g_optimizer { lr = 0.0002; beta1 = 0; beta2 = 0.99 }
					d_optimizer { lr = 0.0002; beta1 = 0; beta2 = 0.99 }
					ema { decay = 0.999; start = 200 }
					intervals { samples = 100; singular_values = 50; metrics = 10; checkpoints = 500 }
				}
			}
			""";
}
