package org.ganworkbench.ui.internal.views;

/** How the Samples view scales an image; pixels are repeated, never blurred. */
enum ZoomLevel {
	FIT(0), ONE(1), TWO(2), FOUR(4);

	private final int factor;

	ZoomLevel(int factor) {
		this.factor = factor;
	}

	String label() {
		return this == FIT ? Messages.SamplesView_zoomFit : factor + "\u00d7"; //$NON-NLS-1$
	}

	/** The scale of an image of the given size in an area of the given size. */
	double scale(int imageWidth, int imageHeight, int areaWidth, int areaHeight) {
		if (this != FIT) {
			return factor;
		}
		if (imageWidth <= 0 || imageHeight <= 0) {
			return 1;
		}
		double fit = Math.min(areaWidth / (double) imageWidth, areaHeight / (double) imageHeight);
		// Whole multiples keep every generated pixel the same size.
		return fit >= 1 ? Math.floor(fit) : Math.max(fit, 0.05);
	}
}
