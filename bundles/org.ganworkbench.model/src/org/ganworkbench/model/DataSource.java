package org.ganworkbench.model;

/** Where training images come from. */
public enum DataSource implements Keyword {
	SYNTHETIC, FASHION_MNIST, IMAGE_FOLDER;
}
