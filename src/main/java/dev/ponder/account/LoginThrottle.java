package dev.ponder.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. After a few failed log-ins in a row, an account (and,
 * more leniently, an address: a family behind one router shares it) must wait before the
 * next try, twice as long after each further failure, up to a quarter of an hour. While
 * it waits, tries are refused without the password being checked.
 * <p>
 * Kept in memory: each instance counts on its own, which only makes guessing slower.
 */
@Component
class LoginThrottle {

	static final int FREE_FAILURES_PER_ACCOUNT = 5;

	static final int FREE_FAILURES_PER_ADDRESS = 20;

	static final Duration FIRST_WAIT = Duration.ofSeconds(30);

	static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

	/** Failures older than this are forgotten. */
	private static final Duration MEMORY = Duration.ofHours(1);

	private static final int CLEAN_UP_ABOVE = 10_000;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final Clock clock;

	LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	/** Refuses a try while the account or the address must wait. */
	void check(String username, String address) {
		Instant now = this.clock.instant();
		Duration account = wait(accountKey(username), FREE_FAILURES_PER_ACCOUNT, now);
		Duration from = wait(addressKey(address), FREE_FAILURES_PER_ADDRESS, now);
		Duration longest = (account.compareTo(from) >= 0) ? account : from;
		if (!longest.isZero()) {
			throw new LoginThrottledException(longest);
		}
	}

	void failed(String username, String address) {
		Instant now = this.clock.instant();
		record(accountKey(username), now);
		record(addressKey(address), now);
		if (this.failures.size() > CLEAN_UP_ABOVE) {
			this.failures.values().removeIf((entry) -> entry.last.plus(MEMORY).isBefore(now));
		}
	}

	/**
	 * A right password clears the account's count; the address's decays by itself, so
	 * that knowing one password does not buy more guesses at others.
	 */
	void succeeded(String username) {
		this.failures.remove(accountKey(username));
	}

	private Duration wait(String key, int free, Instant now) {
		Failures entry = (key != null) ? this.failures.get(key) : null;
		if (entry == null || entry.count < free || entry.last.plus(MEMORY).isBefore(now)) {
			return Duration.ZERO;
		}
		int doublings = Math.min(entry.count - free, 10);
		Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
		Instant until = entry.last.plus((wait.compareTo(LONGEST_WAIT) > 0) ? LONGEST_WAIT : wait);
		return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
	}

	private void record(String key, Instant now) {
		if (key != null) {
			this.failures.merge(key, new Failures(1, now), (earlier, next) -> earlier.last.plus(MEMORY).isBefore(now)
					? next : new Failures(earlier.count + 1, now));
		}
	}

	private static String accountKey(String username) {
		return (username != null) ? "account:" + username.strip().toLowerCase(Locale.ROOT) : null;
	}

	private static String addressKey(String address) {
		return (address != null) ? "address:" + address : null;
	}

	private record Failures(int count, Instant last) {
	}

}
