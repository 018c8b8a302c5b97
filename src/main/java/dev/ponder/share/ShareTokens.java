package dev.ponder.share;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The tokens of share links: 128 random bits, URL-safe base64 without padding (22
 * characters). Anything else in a link's place is refused before the database is asked.
 */
final class ShareTokens {

	private static final SecureRandom random = new SecureRandom();

	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");

	private ShareTokens() {
	}

	static String next() {
		byte[] bits = new byte[16];
		random.nextBytes(bits);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
	}

	/** Whether the text could be a token at all. */
	static boolean wellFormed(String token) {
		return token != null && SHAPE.matcher(token).matches();
	}

}
