package org.ganworkbench.enginespike.layers;

import org.ganworkbench.enginespike.engine.Engine;

/**
 * The DCGAN template's example custom layer (gan.layers.ScaledNoise), written once against the
 * engine interface, forward only: x + strength * scale[c] * N(0, 1). On libtorch its backward comes
 * from autograd; a breakpoint here suspends training with x, noise and scale in the Variables view.
 */
public final class ScaledNoise {

	private final double strength;

	public ScaledNoise(double strength) {
		this.strength = strength;
	}

	public <T> T forward(Engine<T> engine, T x, T scale) {
		long[] shape = engine.shape(x);
		T noise = engine.normal(shape);
		T perChannel = engine.reshape(scale, 1, shape[1], 1, 1);
		T scaled = engine.mul(noise, perChannel);
		return engine.add(x, engine.scale(scaled, strength));
	}
}
