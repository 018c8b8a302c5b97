package dev.ponder.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Caffeine;

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
 * Kept in memory, at most {@value #MOST_REMEMBERED} counts for an hour each: each
 * instance counts on its own, which only makes guessing slower.
 */
@Component
class LoginThrottle {

	static final int FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;

	static final int FREE_FAILURES_PER_ADDRESS = 20;

	static final int FREE_FAILURES_PER_ACCOUNT = 100;

	static final Duration FIRST_WAIT = Duration.ofSeconds(30);

	static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

	/** Failures older than this are forgotten. */
	private static final Duration MEMORY = Duration.ofHours(1);

	private static final int MOST_REMEMBERED = 100_000;

	/**
	 * Usernames are at most this long: anything longer is no account, and no bigger key.
	 */
	private static final int LONGEST_USERNAME = 64;

	private final ConcurrentMap<String, Failures> failures;

	private final Clock clock;

	LoginThrottle(Clock clock) {
		this.clock = clock;
		this.failures = Caffeine.newBuilder()
			.maximumSize(MOST_REMEMBERED)
			.expireAfterWrite(MEMORY)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.<String, Failures>build()
			.asMap();
	}

	/**
	 * Counts a try, or refuses it while the account, the address or both must wait.
	 */
	Attempt begin(String username, String address) {
		Instant now = this.clock.instant();
		List<Key> keys = keys(username, address);
		List<Key> counted = new ArrayList<>();
		for (Key key : keys) {
			Duration[] wait = { Duration.ZERO };
			this.failures.compute(key.name(), (name, earlier) -> {
				wait[0] = waitFor(earlier, key.free(), now);
				return wait[0].isZero() ? new Failures((earlier != null) ? earlier.count() + 1 : 1, now) : earlier;
			});
			if (!wait[0].isZero()) {
				counted.forEach(this::takeBack);
				throw new LoginThrottledException(wait[0]);
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
				this.failures.remove(key.name());
			}
			else {
				takeBack(key);
			}
		});
	}

	private void takeBack(Key key) {
		this.failures.computeIfPresent(key.name(),
				(name, earlier) -> (earlier.count() > 1) ? new Failures(earlier.count() - 1, earlier.last()) : null);
	}

	private static Duration waitFor(Failures failures, int free, Instant now) {
		if (failures == null || failures.count() < free) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures.count() - free, 10);
		Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
		Instant until = failures.last().plus((wait.compareTo(LONGEST_WAIT) > 0) ? LONGEST_WAIT : wait);
		return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
	}

	private static List<Key> keys(String username, String address) {
		String account = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		account = account.substring(0, Math.min(account.length(), LONGEST_USERNAME));
		String from = network(address);
		List<Key> keys = new ArrayList<>();
		if (from != null) {
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

	private record Failures(int count, Instant last) {
	}

}
