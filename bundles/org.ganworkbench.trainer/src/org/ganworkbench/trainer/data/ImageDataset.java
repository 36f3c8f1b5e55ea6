package org.ganworkbench.trainer.data;

/**
 * Images of one size with optional class labels, addressed by index. Pixels are delivered as floats
 * in [-1, 1], channel-major (C, H, W). Implementations are read-only after opening, so batches can be
 * assembled on another thread.
 */
public interface ImageDataset {

	String description();

	int size();

	int channels();

	int height();

	int width();

	/** Number of classes, 0 when the dataset has no labels. */
	int classes();

	/** Writes image {@code index} into {@code target} from {@code offset}, C*H*W values. */
	void image(int index, float[] target, int offset);

	/** The class of image {@code index}, 0 when the dataset has no labels. */
	int label(int index);
}
