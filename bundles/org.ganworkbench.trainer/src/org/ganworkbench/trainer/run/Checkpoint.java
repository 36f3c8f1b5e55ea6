package org.ganworkbench.trainer.run;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ganworkbench.trainer.nn.Param;
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

	/**
	 * Sets each parameter to the tensor named {@code prefix} + its name, in the parameter's shape and
	 * data type. Fails, naming the tensor, when one is missing or has another size: the checkpoint
	 * was written for another model.
	 */
	public void loadInto(String prefix, List<Param> params) throws IOException {
		for (Param p : params) {
			INDArray value = tensors.get(prefix + p.name());
			if (value == null || value.length() != p.value().length()) {
				throw new IOException("checkpoint does not match the model: " + prefix + p.name()
						+ (value == null ? " is missing" : " has " + value.length() + " values, expected " + p.value().length()));
			}
			p.value().assign(value.reshape(p.value().shape()).castTo(p.value().dataType()));
		}
	}
}
