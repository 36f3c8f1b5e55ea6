package org.ganworkbench.trainer.train;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ganworkbench.model.json.Json;
import org.ganworkbench.trainer.api.debug.NonFiniteHook;
import org.ganworkbench.trainer.build.Discriminator;
import org.ganworkbench.trainer.build.Generator;
import org.ganworkbench.trainer.nn.CustomModule;
import org.ganworkbench.trainer.nn.Param;
import org.ganworkbench.trainer.nn.Rng;
import org.ganworkbench.trainer.run.Checkpoint;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything a checkpoint holds, in one place: the networks' and optimisers' tensors, the step, the
 * data position, the augmentation probability and the state of every random generator. A value left
 * out here would make a resumed run drift from the uninterrupted one, so the loop keeps its counters
 * and generators nowhere else.
 */
final class TrainingState {

	private final long seed;
	private final String modelName;
	private final Generator g;
	private final Generator gEma;
	private final Discriminator d;
	private final Optimizer optG;
	private final Optimizer optD;
	private final List<CustomModule> customModules;
	private final Rng zRng;
	private final Rng augmentRng;
	private final Rng penaltyRng;
	private long step;
	private long dataPosition;
	private double augmentP;

	TrainingState(long seed, String modelName, double augmentP, Generator g, Generator gEma, Discriminator d,
			Optimizer optG, Optimizer optD, List<CustomModule> customModules) {
		this.seed = seed;
		this.modelName = modelName;
		this.augmentP = augmentP;
		this.g = g;
		this.gEma = gEma;
		this.d = d;
		this.optG = optG;
		this.optD = optD;
		this.customModules = customModules;
		this.zRng = Rng.derived(seed, "z");
		this.augmentRng = Rng.derived(seed, "augment");
		this.penaltyRng = Rng.derived(seed, "penalty");
	}

	long step() {
		return step;
	}

	/** Starts the next step; the custom layers see its number (their noise may depend on it). */
	long advance() {
		step++;
		customModules.forEach(m -> m.setStep(step));
		NonFiniteHook.setStep(step);
		return step;
	}

	long dataPosition() {
		return dataPosition;
	}

	void dataPosition(long position) {
		this.dataPosition = position;
	}

	double augmentP() {
		return augmentP;
	}

	void augmentP(double p) {
		this.augmentP = p;
	}

	/** Latents and the labels of generated images. */
	Rng zRng() {
		return zRng;
	}

	Rng augmentRng() {
		return augmentRng;
	}

	/** Directions of the gradient penalties and the Wasserstein GP's mixing weights. */
	Rng penaltyRng() {
		return penaltyRng;
	}

	Checkpoint checkpoint() {
		Map<String, INDArray> tensors = new LinkedHashMap<>();
		put(tensors, "G/", g.params());
		put(tensors, "D/", d.params());
		put(tensors, "G_ema/", gEma.params());
		optG.state().forEach((k, v) -> tensors.put("opt_G/" + k, v));
		optD.state().forEach((k, v) -> tensors.put("opt_D/" + k, v));
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("seed", Long.toString(seed));
		state.put("opt_G_steps", optG.steps());
		state.put("opt_D_steps", optD.steps());
		state.put("data_position", Long.toString(dataPosition));
		state.put("augment_p", augmentP);
		Map<String, Object> rngs = new LinkedHashMap<>();
		rngs.put("z", Long.toString(zRng.state()));
		rngs.put("augment", Long.toString(augmentRng.state()));
		rngs.put("penalty", Long.toString(penaltyRng.state()));
		for (CustomModule m : customModules) {
			rngs.put("noise/" + m.name(), Long.toString(m.noise().state()));
		}
		state.put("rng", rngs);
		state.put("model", modelName);
		return new Checkpoint(step, state, tensors);
	}

	private static void put(Map<String, INDArray> tensors, String prefix, List<Param> params) {
		for (Param p : params) {
			tensors.put(prefix + p.name(), p.value());
		}
	}

	@SuppressWarnings("unchecked")
	void restore(Checkpoint checkpoint) throws IOException {
		checkpoint.loadInto("G/", g.params());
		checkpoint.loadInto("D/", d.params());
		checkpoint.loadInto("G_ema/", gEma.params());
		Map<String, Object> state = checkpoint.state();
		optG.restore(prefixed(checkpoint, "opt_G/"), (long) number(state.get("opt_G_steps")));
		optD.restore(prefixed(checkpoint, "opt_D/"), (long) number(state.get("opt_D_steps")));
		dataPosition = Long.parseLong((String) state.get("data_position"));
		augmentP = number(state.get("augment_p"));
		Map<String, Object> rngs = (Map<String, Object>) state.get("rng");
		zRng.setState(Long.parseLong((String) rngs.get("z")));
		augmentRng.setState(Long.parseLong((String) rngs.get("augment")));
		penaltyRng.setState(Long.parseLong((String) rngs.get("penalty")));
		for (CustomModule m : customModules) {
			Object noise = rngs.get("noise/" + m.name());
			if (noise != null) {
				m.noise().setState(Long.parseLong((String) noise));
			}
		}
		step = checkpoint.step();
	}

	private static double number(Object value) {
		return Json.number(value, 0);
	}

	private static Map<String, INDArray> prefixed(Checkpoint checkpoint, String prefix) {
		Map<String, INDArray> out = new LinkedHashMap<>();
		checkpoint.tensors().forEach((k, v) -> {
			if (k.startsWith(prefix)) {
				out.put(k.substring(prefix.length()), v);
			}
		});
		return out;
	}
}
