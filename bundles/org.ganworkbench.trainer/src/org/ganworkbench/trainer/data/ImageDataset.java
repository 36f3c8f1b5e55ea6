package org.ganworkbench.trainer.data;

import java.util.List;
import java.util.stream.IntStream;

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

	/**
	 * Names of the classes 0 .. {@link #classes()} - 1, for messages such as "no 'Sandal' in 5,000
	 * samples": "class 0", "class 1", ... unless the dataset knows better.
	 */
	default List<String> classNames() {
		return numberedClasses(classes());
	}

	/** "class 0", "class 1", ... for datasets whose classes have no names. */
	static List<String> numberedClasses(int classes) {
		return IntStream.range(0, classes).mapToObj(c -> "class " + c).toList();
	}
}
