package org.ganworkbench.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.ganworkbench.model.AugmentKind;
import org.ganworkbench.model.Defaults;
import org.ganworkbench.model.LossKind;
import org.ganworkbench.model.OptimizerKind;
import org.ganworkbench.model.PriorKind;

/**
 * The settings on the Training page, in the order shown, with the ranges of the model format and the
 * defaults of {@link Defaults}. Labels and the sources of the defaults come from settings.properties,
 * keyed by path.
 */
final class TrainingSettings {

	static final String LOSS = "loss"; //$NON-NLS-1$
	static final String OPTIMIZERS = "optimizers"; //$NON-NLS-1$
	static final String EMA = "ema"; //$NON-NLS-1$
	static final String REGULARISATION = "regularisation"; //$NON-NLS-1$
	static final String AUGMENTATION = "augmentation"; //$NON-NLS-1$
	static final String LATENT = "latent"; //$NON-NLS-1$
	static final String INTERVALS = "intervals"; //$NON-NLS-1$

	private static final long MAX_STEPS = 1_000_000_000L;

	private final ResourceBundle texts = ResourceBundle.getBundle(TrainingSettings.class.getPackageName() + ".settings", //$NON-NLS-1$
			Locale.getDefault(), TrainingSettings.class.getClassLoader());

	List<String> sections() {
		return List.of(LOSS, OPTIMIZERS, EMA, REGULARISATION, AUGMENTATION, LATENT, INTERVALS);
	}

	List<Setting> all() {
		List<Setting> all = new ArrayList<>();
		all.add(Setting.choice(LOSS, "training.loss", keywords(LossKind.values()), Defaults.LOSS.keyword())); //$NON-NLS-1$
		all.add(Setting.number(LOSS, "training.gp_weight", 0, 1000, false, false, Defaults.GP_WEIGHT)); //$NON-NLS-1$
		all.add(Setting.integer(LOSS, "training.batch", 1, 65_536, Defaults.BATCH)); //$NON-NLS-1$
		all.add(Setting.integer(LOSS, "training.steps", 1, MAX_STEPS, Defaults.STEPS)); //$NON-NLS-1$
		all.add(Setting.integer(LOSS, "training.d_steps", 1, 100, Defaults.D_STEPS)); //$NON-NLS-1$
		all.add(Setting.integer(LOSS, "training.seed", 0, (1L << 53) - 1, Defaults.SEED)); //$NON-NLS-1$
		all.add(Setting.number(LOSS, "training.truncation", 0, 100, false, false, Defaults.TRUNCATION)); //$NON-NLS-1$
		optimizer(all, "g_optimizer", Defaults.G_LEARNING_RATE); //$NON-NLS-1$
		optimizer(all, "d_optimizer", Defaults.D_LEARNING_RATE); //$NON-NLS-1$
		all.add(Setting.bool(EMA, "training.ema.enabled", Defaults.EMA_ENABLED)); //$NON-NLS-1$
		all.add(Setting.number(EMA, "training.ema.decay", 0, 1, false, true, Defaults.EMA_DECAY)); //$NON-NLS-1$
		all.add(Setting.integer(EMA, "training.ema.start", 0, MAX_STEPS, Defaults.EMA_START)); //$NON-NLS-1$
		all.add(Setting.number(REGULARISATION, "training.r1", 0, 1e6, false, false, Defaults.R1)); //$NON-NLS-1$
		all.add(Setting.number(REGULARISATION, "training.r2", 0, 1e6, false, false, Defaults.R2)); //$NON-NLS-1$
		for (String network : List.of("generator", "discriminator")) { //$NON-NLS-1$ //$NON-NLS-2$
			all.add(Setting.bool(REGULARISATION, network + ".spectral_norm", Defaults.SPECTRAL_NORM)); //$NON-NLS-1$
			all.add(Setting.number(REGULARISATION, network + ".ortho_reg", 0, 1, false, false, Defaults.ORTHO_REG)); //$NON-NLS-1$
		}
		all.add(Setting.choiceList(AUGMENTATION, "training.augment.policy", keywords(AugmentKind.values()))); //$NON-NLS-1$
		all.add(Setting.number(AUGMENTATION, "training.augment.probability", 0, 1, false, false, //$NON-NLS-1$
				Defaults.AUGMENT_PROBABILITY));
		all.add(Setting.number(AUGMENTATION, "training.augment.target", 0, 1, true, false, null)); //$NON-NLS-1$
		all.add(Setting.integer(LATENT, "latent.size", 1, 1 << 16, Defaults.LATENT_SIZE)); //$NON-NLS-1$
		all.add(Setting.choice(LATENT, "latent.prior", keywords(PriorKind.values()), Defaults.PRIOR.keyword())); //$NON-NLS-1$
		all.add(Setting.integer(INTERVALS, "training.intervals.samples", 1, MAX_STEPS, Defaults.SAMPLE_INTERVAL)); //$NON-NLS-1$
		all.add(Setting.integer(INTERVALS, "training.intervals.singular_values", 1, MAX_STEPS, //$NON-NLS-1$
				Defaults.SINGULAR_VALUE_INTERVAL));
		all.add(Setting.integer(INTERVALS, "training.intervals.metrics", 1, MAX_STEPS, Defaults.METRIC_INTERVAL)); //$NON-NLS-1$
		all.add(Setting.integer(INTERVALS, "training.intervals.checkpoints", 1, MAX_STEPS, Defaults.CHECKPOINT_INTERVAL)); //$NON-NLS-1$
		all.add(Setting.integer(INTERVALS, "training.keep_checkpoints", 0, MAX_STEPS, Defaults.KEEP_CHECKPOINTS)); //$NON-NLS-1$
		all.add(Setting.integer(INTERVALS, "training.intervals.quality", 0, MAX_STEPS, Defaults.QUALITY_INTERVAL)); //$NON-NLS-1$
		return all;
	}

	private static void optimizer(List<Setting> all, String block, double lr) {
		String prefix = "training." + block + "."; //$NON-NLS-1$ //$NON-NLS-2$
		all.add(Setting.choice(OPTIMIZERS, prefix + "type", keywords(OptimizerKind.values()), Defaults.OPTIMIZER.keyword())); //$NON-NLS-1$
		all.add(Setting.number(OPTIMIZERS, prefix + "lr", 0, 10, true, false, lr)); //$NON-NLS-1$
		all.add(Setting.number(OPTIMIZERS, prefix + "beta1", 0, 1, false, true, Defaults.BETA1)); //$NON-NLS-1$
		all.add(Setting.number(OPTIMIZERS, prefix + "beta2", 0, 1, false, true, Defaults.BETA2)); //$NON-NLS-1$
	}

	private static List<String> keywords(Enum<?>[] values) {
		List<String> keywords = new ArrayList<>();
		for (Enum<?> value : values) {
			keywords.add(switch (value) {
			case LossKind k -> k.keyword();
			case PriorKind k -> k.keyword();
			case OptimizerKind k -> k.keyword();
			case AugmentKind k -> k.keyword();
			default -> value.name().toLowerCase(Locale.ROOT);
			});
		}
		return keywords;
	}

	/** The label of a setting or section. */
	String label(String key) {
		return text(key, key);
	}

	/** Where the default comes from (a paper or a workbench choice); empty when unknown. */
	String source(Setting setting) {
		return text(setting.path() + ".source", ""); //$NON-NLS-1$ //$NON-NLS-2$
	}

	private String text(String key, String fallback) {
		try {
			return texts.getString(key);
		} catch (MissingResourceException e) {
			return fallback;
		}
	}
}
