package dev.ponder.format;

/**
 * How long something took, in words, one rule wherever Ponder shows a duration
 * (static/js/format.js words them the same): "<1 s", "12 s", "1 min", "1 min 5 s".
 */
public final class Durations {

	private Durations() {
	}

	public static String words(long millis) {
		if (millis < 1000) {
			return "<1 s";
		}
		long seconds = Math.round(millis / 1000.0);
		if (seconds < 60) {
			return seconds + " s";
		}
		long minutes = seconds / 60;
		long rest = seconds % 60;
		return (rest == 0) ? minutes + " min" : minutes + " min " + rest + " s";
	}

}
