package org.ganworkbench.trainer.data;

import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * An endless stream of shuffled batches, assembled by a daemon thread a few batches ahead of the
 * training loop. The order depends only on the seed: batch {@code n} is the same whether the stream
 * started at 0 or was restarted at {@code n} (resume), so the position is all a checkpoint needs.
 */
public final class BatchStream implements AutoCloseable {

	/** One batch: pixels (N, C, H, W) in [-1, 1] and a class per image. */
	public record Batch(long index, float[] pixels, int[] labels) {
	}

	private static final int AHEAD = 4;

	private final ImageDataset dataset;
	private final int batchSize;
	private final long seed;
	private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
	private final Thread worker;
	private volatile boolean closed;
	private long next;

	public BatchStream(ImageDataset dataset, int batchSize, long seed, long startBatch) {
		this.dataset = dataset;
		this.batchSize = batchSize;
		this.seed = seed;
		this.next = startBatch;
		this.worker = new Thread(() -> produce(startBatch), "gan-data-prefetch");
		worker.setDaemon(true);
		worker.start();
	}

	/** The number of batches taken so far: the position to restart from. */
	public long position() {
		return next;
	}

	public Batch take() throws InterruptedException {
		Object item = queue.take();
		if (item instanceof RuntimeException e) {
			throw new IllegalStateException("reading " + dataset.description() + " failed", e);
		}
		next++;
		return (Batch) item;
	}

	private void produce(long start) {
		int[] order = null;
		long orderEpoch = -1;
		int size = dataset.size();
		int length = dataset.channels() * dataset.height() * dataset.width();
		try {
			for (long b = start; !closed; b++) {
				float[] pixels = new float[batchSize * length];
				int[] labels = new int[batchSize];
				for (int i = 0; i < batchSize; i++) {
					long position = b * batchSize + i;
					long epoch = position / size;
					if (epoch != orderEpoch) {
						order = permutation(size, seed * 31 + epoch);
						orderEpoch = epoch;
					}
					int index = order[(int) (position % size)];
					dataset.image(index, pixels, i * length);
					labels[i] = dataset.label(index);
				}
				queue.put(new Batch(b, pixels, labels));
			}
		} catch (InterruptedException e) {
			// closed while waiting for room: nothing left to do
		} catch (RuntimeException e) {
			queue.offer(e);
		}
	}

	/** 0 .. size - 1 in an order fixed by the seed (Fisher-Yates); also the quality metrics' subsets. */
	public static int[] permutation(int size, long seed) {
		int[] order = new int[size];
		for (int i = 0; i < size; i++) {
			order[i] = i;
		}
		SplittableRandom random = new SplittableRandom(seed);
		for (int i = size - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		return order;
	}

	@Override
	public void close() {
		closed = true;
		worker.interrupt();
	}
}
