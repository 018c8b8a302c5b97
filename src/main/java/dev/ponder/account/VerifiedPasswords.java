package dev.ponder.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Passwords that log-ins found right in the last few minutes: a script that sends HTTP
 * Basic on every request then pays for bcrypt (50–100 ms of CPU, by design) once every
 * few minutes instead of on every request.
 * <p>
 * A password is remembered only after it matched, and only as an HMAC-SHA256 of the
 * username, the stored hash and the password under a key made at start and kept in memory
 * only: no password is kept, and nobody can produce a remembered value without the key.
 * Nothing needs forgetting by hand: the account is still read on every request and its
 * status checked after the password (a disabled or deleted account is refused as before),
 * and a new password means a new stored hash, under which the old password was never
 * remembered. A wrong password is never remembered, so every guess still costs bcrypt and
 * counts against the log-in throttle. The cache is searched by HMACs that nobody can
 * choose, so the time a look-up takes tells nothing about the password.
 */
final class VerifiedPasswords {

	/**
	 * How long a match is remembered; Apache's mod_authn_socache also keeps 5 minutes.
	 */
	static final Duration REMEMBER_FOR = Duration.ofMinutes(5);

	/** At most this many matches are remembered: about 2 MB. */
	private static final int MOST_REMEMBERED = 10_000;

	private static final String HMAC = "HmacSHA256";

	private final SecretKeySpec key;

	private final Cache<String, Boolean> matches;

	VerifiedPasswords(Clock clock) {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, HMAC);
		this.matches = Caffeine.newBuilder()
			.maximumSize(MOST_REMEMBERED)
			.expireAfterWrite(REMEMBER_FOR)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.build();
	}

	/** Whether this password matched this account's stored hash a short while ago. */
	boolean remembers(String username, String storedHash, String password) {
		return this.matches.getIfPresent(digest(username, storedHash, password)) != null;
	}

	/** Remembers that this password matched this account's stored hash. */
	void remember(String username, String storedHash, String password) {
		this.matches.put(digest(username, storedHash, password), Boolean.TRUE);
	}

	private String digest(String username, String storedHash, String password) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(this.key);
			// Each part with its length first, so that no two triples run together.
			for (String part : new String[] { username, storedHash, password }) {
				byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
				mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
				mac.update(bytes);
			}
			return HexFormat.of().formatHex(mac.doFinal());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every Java has HmacSHA256", ex);
		}
	}

}
