package dev.ponder.account;

import java.time.Duration;

import org.springframework.security.authentication.AccountStatusException;

/**
 * A log-in refused because too many tries failed just before it.
 */
public class LoginThrottledException extends AccountStatusException {

	private static final long serialVersionUID = 1L;

	private final Duration retryAfter;

	LoginThrottledException(Duration retryAfter) {
		super("Too many failed log-ins; try again in " + words(retryAfter) + ".");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** Whole seconds, rounded up: what a Retry-After header says. */
	public long retryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

	private static String words(Duration wait) {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		return (seconds < 90) ? seconds + " s" : ((seconds + 59) / 60) + " min";
	}

}
