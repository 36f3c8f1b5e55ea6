package org.ganworkbench.trainer.data;

/**
 * Brings a decoded image to the model's size and channel count: area-averaging when shrinking,
 * bilinear when enlarging; grey to colour by copying, colour to grey by luminance.
 */
final class Resampler {

	private Resampler() {
	}

	/**
	 * @param source bytes 0..255, channel-major (C, H, W)
	 * @return bytes 0..255 of size {@code channels * size * size}
	 */
	static byte[] resize(byte[] source, int sourceChannels, int sourceHeight, int sourceWidth, int channels,
			int size) {
		float[][] planes = new float[sourceChannels][];
		int sourcePlane = sourceHeight * sourceWidth;
		for (int c = 0; c < sourceChannels; c++) {
			float[] plane = new float[sourcePlane];
			for (int i = 0; i < sourcePlane; i++) {
				plane[i] = source[c * sourcePlane + i] & 0xFF;
			}
			planes[c] = scale(plane, sourceHeight, sourceWidth, size);
		}
		byte[] out = new byte[channels * size * size];
		int plane = size * size;
		for (int c = 0; c < channels; c++) {
			for (int i = 0; i < plane; i++) {
				float value;
				if (sourceChannels == channels) {
					value = planes[c][i];
				} else if (sourceChannels == 1) {
					value = planes[0][i];
				} else if (channels == 1) {
					value = 0.299f * planes[0][i] + 0.587f * planes[1][i] + 0.114f * planes[2][i];
				} else {
					value = planes[Math.min(c, sourceChannels - 1)][i];
				}
				out[c * plane + i] = (byte) Math.max(0, Math.min(255, Math.round(value)));
			}
		}
		return out;
	}

	private static float[] scale(float[] plane, int height, int width, int size) {
		if (height == size && width == size) {
			return plane;
		}
		float[] out = new float[size * size];
		double sy = (double) height / size;
		double sx = (double) width / size;
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				out[y * size + x] = sy >= 1 && sx >= 1 ? average(plane, width, y * sy, (y + 1) * sy, x * sx, (x + 1) * sx)
						: bilinear(plane, height, width, (y + 0.5) * sy - 0.5, (x + 0.5) * sx - 0.5);
			}
		}
		return out;
	}

	private static float average(float[] plane, int width, double y0, double y1, double x0, double x1) {
		double sum = 0;
		int n = 0;
		for (int y = (int) y0; y < Math.ceil(y1); y++) {
			for (int x = (int) x0; x < Math.ceil(x1); x++) {
				sum += plane[y * width + x];
				n++;
			}
		}
		return (float) (sum / n);
	}

	private static float bilinear(float[] plane, int height, int width, double y, double x) {
		y = Math.max(0, Math.min(height - 1, y));
		x = Math.max(0, Math.min(width - 1, x));
		int y0 = (int) y;
		int x0 = (int) x;
		int y1 = Math.min(height - 1, y0 + 1);
		int x1 = Math.min(width - 1, x0 + 1);
		double fy = y - y0;
		double fx = x - x0;
		double top = plane[y0 * width + x0] * (1 - fx) + plane[y0 * width + x1] * fx;
		double bottom = plane[y1 * width + x0] * (1 - fx) + plane[y1 * width + x1] * fx;
		return (float) (top * (1 - fy) + bottom * fy);
	}
}
