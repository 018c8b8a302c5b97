package dev.ponder.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. A try is counted before its password is checked, so that
 * tries sent all at once cannot slip through together; a right password takes its count
 * back. After a few failures in a row, the next try must wait, twice as long after each
 * further failure, up to a quarter of an hour; while it waits, tries are refused without
 * the password being looked at. Failures are counted per account from one address
 * (strictly: guessing at one account), per address (a family behind one router shares
 * one, so more leniently), and per account from anywhere (very leniently: a guess spread
 * over many addresses), so that nobody can lock a person out from elsewhere with a few
 * wrong passwords.
 * <p>
 * The counts live in the database ({@code login_failure}), so that every instance behind
 * one address counts the same tries: N instances allow as many guesses as one. A table of
 * our own rather than Bucket4j: a token bucket refills at a steady rate, while this
 * throttle's wait doubles with each failure and a right password takes a try back, which
 * a bucket cannot say. Each try is one conditional {@code UPDATE} of its row, which the
 * database runs atomically: tries racing on one row wait for each other's row lock and
 * then see each other's count, on H2 and PostgreSQL alike. Failures older than an hour
 * are forgotten, and {@link #forgetOldFailures} deletes their rows.
 */
@Component
class LoginThrottle {

	static final int FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;

	static final int FREE_FAILURES_PER_ADDRESS = 20;

	static final int FREE_FAILURES_PER_ACCOUNT = 100;

	static final Duration FIRST_WAIT = Duration.ofSeconds(30);

	static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

	/** Failures older than this are forgotten. */
	static final Duration MEMORY = Duration.ofHours(1);

	/**
	 * Usernames are at most this long: anything longer is no account, and no bigger key.
	 */
	private static final int LONGEST_USERNAME = 64;

	/** Addresses are IP literals; anything longer is cut rather than stored. */
	private static final int LONGEST_ADDRESS = 100;

	/** Past 2^10 the wait is far above {@link #LONGEST_WAIT} anyway. */
	private static final int MOST_DOUBLINGS = 10;

	/**
	 * When the wait after a row's failures ends, in milliseconds: the first wait, doubled
	 * for each failure past the free ones, at most the longest wait.
	 */
	private static final String WAIT_ENDS = "last_failure_at + LEAST(" + FIRST_WAIT.toMillis()
			+ " * POWER(2, LEAST(failures - :free, " + MOST_DOUBLINGS + ")), " + LONGEST_WAIT.toMillis() + ")";

	/**
	 * Counts a failure unless the key must wait; a count older than {@link #MEMORY}
	 * starts again.
	 */
	private static final String COUNT = """
			UPDATE login_failure
			SET failures = CASE WHEN last_failure_at < :forgetBefore THEN 1 ELSE failures + 1 END,
			    last_failure_at = :now
			WHERE throttle_key = :key AND (failures < :free OR %s <= :now)""".formatted(WAIT_ENDS);

	private static final String WAITING_UNTIL = """
			SELECT CAST(%s AS BIGINT) FROM login_failure
			WHERE throttle_key = :key AND failures >= :free""".formatted(WAIT_ENDS);

	/**
	 * A try meets its row changed under it at most this often: each time, another try
	 * changed it, and one of them goes through.
	 */
	private static final int MOST_ROUNDS = 5;

	private final JdbcClient jdbc;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Counts a try, or refuses it while the account, the address or both must wait.
	 */
	Attempt begin(String username, String address) {
		long now = this.clock.millis();
		List<Key> keys = keys(username, address);
		List<Key> counted = new ArrayList<>();
		for (Key key : keys) {
			Duration wait = count(key, now);
			if (!wait.isZero()) {
				counted.forEach(this::takeBack);
				throw new LoginThrottledException(wait);
			}
			counted.add(key);
		}
		return new Attempt(keys);
	}

	/**
	 * A right password: the account's count from this address is cleared, and the try is
	 * taken back from the others, so that knowing one password buys no guesses at others.
	 */
	void succeeded(Attempt attempt) {
		attempt.keys().forEach((key) -> {
			if (key.clearedBySuccess()) {
				this.jdbc.sql("DELETE FROM login_failure WHERE throttle_key = :key").param("key", key.name()).update();
			}
			else {
				takeBack(key);
			}
		});
	}

	/** Deletes the counts nobody added to for longer than {@link #MEMORY}. */
	int forgetOldFailures() {
		return this.jdbc.sql("DELETE FROM login_failure WHERE last_failure_at < :forgetBefore")
			.param("forgetBefore", this.clock.millis() - MEMORY.toMillis())
			.update();
	}

	/** Counts the try against one key: zero, or how long the key must still wait. */
	private Duration count(Key key, long now) {
		for (int round = 0; round < MOST_ROUNDS; round++) {
			int updated = this.jdbc.sql(COUNT)
				.param("key", key.name())
				.param("free", key.free())
				.param("now", now)
				.param("forgetBefore", now - MEMORY.toMillis())
				.update();
			if (updated == 1) {
				return Duration.ZERO;
			}
			Optional<Long> waitingUntil = this.jdbc.sql(WAITING_UNTIL)
				.param("key", key.name())
				.param("free", key.free())
				.query(Long.class)
				.optional()
				.filter((until) -> until > now);
			if (waitingUntil.isPresent()) {
				return Duration.ofMillis(waitingUntil.get() - now);
			}
			if (firstFailure(key, now)) {
				return Duration.ZERO;
			}
		}
		throw new IllegalStateException("The log-in throttle could not count a try at " + key.name());
	}

	/** Whether this try made the key's row; false when another try made it first. */
	private boolean firstFailure(Key key, long now) {
		try {
			this.jdbc.sql("INSERT INTO login_failure (throttle_key, failures, last_failure_at) VALUES (:key, 1, :now)")
				.param("key", key.name())
				.param("now", now)
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private void takeBack(Key key) {
		this.jdbc.sql("UPDATE login_failure SET failures = failures - 1 WHERE throttle_key = :key AND failures > 0")
			.param("key", key.name())
			.update();
	}

	private static List<Key> keys(String username, String address) {
		String account = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		account = account.substring(0, Math.min(account.length(), LONGEST_USERNAME));
		String from = network(address);
		List<Key> keys = new ArrayList<>();
		if (from != null) {
			from = from.substring(0, Math.min(from.length(), LONGEST_ADDRESS));
			keys.add(new Key("account-from:" + account + "@" + from, FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS, true));
			keys.add(new Key("address:" + from, FREE_FAILURES_PER_ADDRESS, false));
		}
		keys.add(new Key("account:" + account, FREE_FAILURES_PER_ACCOUNT, false));
		return keys;
	}

	/**
	 * The address, or for IPv6 its /64: one household or server is usually given a whole
	 * /64, and could otherwise take a fresh address for every guess.
	 */
	static String network(String address) {
		if (address == null || address.isBlank()) {
			return null;
		}
		if (!address.contains(":")) {
			return address;
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			return (bytes.length == 16)
					? InetAddress.getByAddress(Arrays.copyOf(Arrays.copyOf(bytes, 8), 16)).getHostAddress() + "/64"
					: address;
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

	/** What one try was counted against. */
	record Attempt(List<Key> keys) {
	}

	record Key(String name, int free, boolean clearedBySuccess) {
	}

}
