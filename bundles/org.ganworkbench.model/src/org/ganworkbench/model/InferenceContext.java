package org.ganworkbench.model;

/**
 * What shape inference needs from outside a network: the number of classes, the shared embedding
 * size, the z chunk each gblock receives (0 without hierarchical latents) and the batch size.
 */
record InferenceContext(int classes, int classEmbedding, int blockLatent, int batch) {

	/** Size of the vector a cbn layer conditions on: class embedding plus (in gblocks) a z chunk. */
	int conditionSize(boolean inBlock) {
		return (classes > 0 ? classEmbedding : 0) + (inBlock ? blockLatent : 0);
	}
}
