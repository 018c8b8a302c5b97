package dev.ponder.benchmark;

import java.util.Arrays;

/** The median, 99th percentile and maximum of some durations, in milliseconds. */
record Percentiles(int count, double p50, double p99, double max) {

	static final Percentiles NONE = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);

	/** Nearest rank, so that each figure is a duration that was actually measured. */
	static Percentiles ofNanos(long[] nanos) {
		if (nanos.length == 0) {
			return NONE;
		}
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return new Percentiles(sorted.length, millis(rank(sorted, 0.50)), millis(rank(sorted, 0.99)),
				millis(sorted[sorted.length - 1]));
	}

	private static long rank(long[] sorted, double quantile) {
		int rank = (int) Math.ceil(quantile * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

	private static double millis(long nanos) {
		return nanos / 1e6;
	}

}
