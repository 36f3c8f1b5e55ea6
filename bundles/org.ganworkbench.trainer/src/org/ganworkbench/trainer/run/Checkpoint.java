package org.ganworkbench.trainer.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything needed to continue a run exactly: the step, the named tensors (parameters of G, D and
 * the EMA generator, optimiser moments, spectral-norm vectors, batch-norm statistics) and small
 * JSON-able state (random generators, augmentation probability, dataset position).
 */
public record Checkpoint(long step, Map<String, Object> state, Map<String, INDArray> tensors) {

	public Checkpoint {
		state = Collections.unmodifiableMap(new LinkedHashMap<>(state));
		tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
	}

	public INDArray tensor(String name) {
		INDArray value = tensors.get(name);
		if (value == null) {
			throw new IllegalArgumentException("checkpoint has no tensor '" + name + "'");
		}
		return value;
	}
}
