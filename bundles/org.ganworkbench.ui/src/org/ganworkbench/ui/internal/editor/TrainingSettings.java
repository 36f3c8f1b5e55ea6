package org.ganworkbench.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.ganworkbench.model.Defaults;
import org.ganworkbench.model.KeySpec;
import org.ganworkbench.model.ModelSchema;
import org.ganworkbench.model.sweep.SweepSpec;

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
	/** Shown for every model; editable when it has a sweep block (vary blocks and seeds: the Source page). */
	static final String SWEEP = "sweep"; //$NON-NLS-1$

	private final ResourceBundle texts = ResourceBundle.getBundle(TrainingSettings.class.getPackageName() + ".settings", //$NON-NLS-1$
			Locale.getDefault(), TrainingSettings.class.getClassLoader());

	List<String> sections() {
		return List.of(LOSS, OPTIMIZERS, EMA, REGULARISATION, AUGMENTATION, LATENT, INTERVALS, SWEEP);
	}

	List<Setting> all() {
		List<Setting> all = new ArrayList<>();
		all.add(setting(LOSS, "training.loss", Defaults.LOSS)); //$NON-NLS-1$
		all.add(setting(LOSS, "training.gp_weight", Defaults.GP_WEIGHT)); //$NON-NLS-1$
		all.add(setting(LOSS, "training.batch", Defaults.BATCH)); //$NON-NLS-1$
		all.add(setting(LOSS, "training.steps", Defaults.STEPS)); //$NON-NLS-1$
		all.add(setting(LOSS, "training.d_steps", Defaults.D_STEPS)); //$NON-NLS-1$
		all.add(setting(LOSS, "training.seed", Defaults.SEED)); //$NON-NLS-1$
		all.add(setting(LOSS, "training.truncation", Defaults.TRUNCATION)); //$NON-NLS-1$
		optimizer(all, "g_optimizer", Defaults.G_LEARNING_RATE); //$NON-NLS-1$
		optimizer(all, "d_optimizer", Defaults.D_LEARNING_RATE); //$NON-NLS-1$
		all.add(setting(EMA, "training.ema.enabled", Defaults.EMA_ENABLED)); //$NON-NLS-1$
		all.add(setting(EMA, "training.ema.decay", Defaults.EMA_DECAY)); //$NON-NLS-1$
		all.add(setting(EMA, "training.ema.start", Defaults.EMA_START)); //$NON-NLS-1$
		all.add(setting(REGULARISATION, "training.r1", Defaults.R1)); //$NON-NLS-1$
		all.add(setting(REGULARISATION, "training.r2", Defaults.R2)); //$NON-NLS-1$
		for (String network : List.of("generator", "discriminator")) { //$NON-NLS-1$ //$NON-NLS-2$
			all.add(setting(REGULARISATION, network + ".spectral_norm", Defaults.SPECTRAL_NORM)); //$NON-NLS-1$
			all.add(setting(REGULARISATION, network + ".ortho_reg", Defaults.ORTHO_REG)); //$NON-NLS-1$
		}
		all.add(setting(AUGMENTATION, "training.augment.policy", null)); //$NON-NLS-1$
		all.add(setting(AUGMENTATION, "training.augment.probability", Defaults.AUGMENT_PROBABILITY)); //$NON-NLS-1$
		all.add(setting(AUGMENTATION, "training.augment.target", null)); //$NON-NLS-1$
		all.add(setting(LATENT, "latent.size", Defaults.LATENT_SIZE)); //$NON-NLS-1$
		all.add(setting(LATENT, "latent.prior", Defaults.PRIOR)); //$NON-NLS-1$
		all.add(setting(INTERVALS, "training.intervals.samples", Defaults.SAMPLE_INTERVAL)); //$NON-NLS-1$
		all.add(setting(INTERVALS, "training.intervals.singular_values", Defaults.SINGULAR_VALUE_INTERVAL)); //$NON-NLS-1$
		all.add(setting(INTERVALS, "training.intervals.metrics", Defaults.METRIC_INTERVAL)); //$NON-NLS-1$
		all.add(setting(INTERVALS, "training.intervals.checkpoints", Defaults.CHECKPOINT_INTERVAL)); //$NON-NLS-1$
		all.add(setting(INTERVALS, "training.keep_checkpoints", Defaults.KEEP_CHECKPOINTS)); //$NON-NLS-1$
		all.add(setting(INTERVALS, "training.intervals.quality", Defaults.QUALITY_INTERVAL)); //$NON-NLS-1$
		KeySpec trials = ModelSchema.key("sweep.trials"); //$NON-NLS-1$
		// no fixed default: the grid's size times the seeds
		all.add(new Setting(SWEEP, "sweep.trials", SettingKind.INTEGER, trials.min(), trials.max(), false, false, List.of(), "")); //$NON-NLS-1$ //$NON-NLS-2$
		all.add(setting(SWEEP, "sweep.parallel", SweepSpec.DEFAULT_PARALLEL)); //$NON-NLS-1$
		all.add(Setting.choice(SWEEP, "sweep.objective", ModelSchema.key("sweep.objective").choices(), //$NON-NLS-1$ //$NON-NLS-2$
				SweepSpec.DEFAULT_OBJECTIVE));
		all.add(setting(SWEEP, "sweep.maximize", false)); //$NON-NLS-1$
		all.add(setting(SWEEP, "sweep.halving", false)); //$NON-NLS-1$
		return all;
	}

	private static void optimizer(List<Setting> all, String block, double lr) {
		String prefix = "training." + block + "."; //$NON-NLS-1$ //$NON-NLS-2$
		all.add(setting(OPTIMIZERS, prefix + "type", Defaults.OPTIMIZER)); //$NON-NLS-1$
		all.add(setting(OPTIMIZERS, prefix + "lr", lr)); //$NON-NLS-1$
		all.add(setting(OPTIMIZERS, prefix + "beta1", Defaults.BETA1)); //$NON-NLS-1$
		all.add(setting(OPTIMIZERS, prefix + "beta2", Defaults.BETA2)); //$NON-NLS-1$
	}

	/** A field for the key at {@code path}, typed and bounded as the model schema declares it. */
	private static Setting setting(String section, String path, Object defaultValue) {
		KeySpec spec = ModelSchema.key(path);
		if (spec == null) {
			throw new IllegalStateException("the model schema has no key " + path); //$NON-NLS-1$
		}
		return Setting.of(section, path, spec, defaultValue);
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
