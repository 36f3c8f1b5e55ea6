package org.ganworkbench.benchmarks;

import org.ganworkbench.trainer.data.BatchStream;
import org.ganworkbench.trainer.data.ImageDataset;

import ai.djl.ndarray.types.Shape;

/** Feeds a peer the batches the trainer would read, from the same prefetching stream. */
final class PeerRunner {
	private final Peer peer;
	private final ImageDataset data;
	private final int batch;
	private final int dSteps;
	private final Shape image;
	private final long seed;
	private long position;

	PeerRunner(Peer peer, ImageDataset data, int batch, int dSteps, Shape image, long seed) {
		this.peer = peer;
		this.data = data;
		this.batch = batch;
		this.dSteps = dSteps;
		this.image = image;
		this.seed = seed;
	}

	void train(int steps) throws InterruptedException {
		try (BatchStream stream = new BatchStream(data, batch, seed, position)) {
			float[][] pixels = new float[dSteps][];
			int[][] labels = new int[dSteps][];
			for (int s = 0; s < steps; s++) {
				for (int k = 0; k < dSteps; k++) {
					BatchStream.Batch b = stream.take();
					pixels[k] = b.pixels();
					labels[k] = b.labels();
				}
				peer.trainStep(pixels, labels, image);
			}
			position = stream.position();
		}
	}
}
