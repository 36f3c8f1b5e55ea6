package org.ganworkbench.model;

/**
 * Saturating arithmetic on sizes and counts, which are never negative: a result too large for a long
 * is {@link #TOO_LARGE} instead of a wrapped (negative or small) number. Saturation is exact in the
 * one sense that matters: a result is TOO_LARGE exactly when the true value is at least that.
 */
final class Counts {

	/** Long.MAX_VALUE: 2^63 - 1, the largest count a long holds. */
	static final long TOO_LARGE = Long.MAX_VALUE;
	/** Values per sample of any tensor shape: ND4J indexes a sample's values with an int. */
	static final long MAX_VALUES = Integer.MAX_VALUE;

	private Counts() {
	}

	static long times(long... factors) {
		for (long factor : factors) {
			if (factor == 0) {
				return 0; // the true product is 0 however large the other factors
			}
		}
		long product = 1;
		for (long factor : factors) {
			if (factor == TOO_LARGE || Math.multiplyHigh(product, factor) != 0 || product * factor < 0) {
				return TOO_LARGE;
			}
			product *= factor;
		}
		return product;
	}

	/** Two terms without a varargs array: called per layer. */
	static long plus(long a, long b) {
		return a == TOO_LARGE || b == TOO_LARGE || a > TOO_LARGE - b ? TOO_LARGE : a + b;
	}

	static long plus(long... terms) {
		long sum = 0;
		for (long term : terms) {
			if (term == TOO_LARGE || sum > TOO_LARGE - term) {
				return TOO_LARGE;
			}
			sum += term;
		}
		return sum;
	}
}
