package org.ganworkbench.trainer.quality;

import org.ganworkbench.trainer.data.BatchStream;
import org.ganworkbench.trainer.data.ImageDataset;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Images of a dataset as [N, C, H, W] arrays, and the seeded subsets the metrics compare against. */
public final class DatasetImages {

	private DatasetImages() {
	}

	public static INDArray of(ImageDataset data, int[] indices) {
		int length = data.channels() * data.height() * data.width();
		float[] pixels = new float[indices.length * length];
		for (int i = 0; i < indices.length; i++) {
			data.image(indices[i], pixels, i * length);
		}
		return Nd4j.create(pixels, new long[] { indices.length, data.channels(), data.height(), data.width() }, 'c');
	}

	public static int[] labels(ImageDataset data, int[] indices) {
		int[] labels = new int[indices.length];
		for (int i = 0; i < indices.length; i++) {
			labels[i] = data.label(indices[i]);
		}
		return labels;
	}

	/** {@code n} distinct indices (all of them, shuffled, when the dataset is smaller), fixed by the seed. */
	public static int[] sample(int size, int n, long seed) {
		int[] order = BatchStream.permutation(size, seed);
		int count = Math.min(n, size);
		int[] out = new int[count];
		System.arraycopy(order, 0, out, 0, count);
		return out;
	}
}
