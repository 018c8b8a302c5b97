package dev.ponder.format;

import java.util.Locale;

/**
 * File sizes as a person reads them, the same rule as the page's {@code format.js}
 * ({@code bytes}).
 */
public final class Sizes {

	private static final long KB = 1024;

	private static final long MB = 1024 * KB;

	private Sizes() {
	}

	/** "25.3 MB", "20 MB", "512 KB", "900 bytes". */
	public static String inWords(long bytes) {
		if (bytes >= MB) {
			return decimal((double) bytes / MB) + " MB";
		}
		if (bytes >= KB) {
			return decimal((double) bytes / KB) + " KB";
		}
		return bytes + " bytes";
	}

	private static String decimal(double value) {
		String text = String.format(Locale.ROOT, "%.1f", value);
		return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
	}

}
