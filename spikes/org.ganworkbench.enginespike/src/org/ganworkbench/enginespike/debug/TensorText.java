package org.ganworkbench.enginespike.debug;

import java.util.Arrays;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.pytorch.Tensor;
import org.ganworkbench.enginespike.engine.TorchEngine;

/**
 * A libtorch tensor as one line: what a debugger shows for it when asked (a JDT logical structure
 * or a detail formatter calls this over JDI). Without it the Variables view shows a Tensor as
 * JavaCPP's native pointer: address, position, limit, capacity.
 */
public final class TensorText {

	private TensorText() {
	}

	public static String of(Tensor t) {
		Tensor flat = t.detach().contiguous();
		long[] shape = TorchEngine.shapeOf(flat);
		float[] first = new float[(int) Math.min(6, flat.numel())];
		new FloatPointer(flat.data_ptr()).get(first);
		return String.format("%s float min %.4f max %.4f mean %.4f first %s", Arrays.toString(shape), flat.min().item_float(),
				flat.max().item_float(), flat.mean().item_float(), Arrays.toString(first));
	}
}
