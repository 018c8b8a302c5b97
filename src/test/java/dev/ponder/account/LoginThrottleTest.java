package dev.ponder.account;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.ponder.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottleTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(this.clock);

	@Test
	void anAccountWaitsAfterFiveFailuresAndTwiceAsLongAfterEachFurtherOne() {
		failTimes("alice", "10.0.0.1", LoginThrottle.FREE_FAILURES_PER_ACCOUNT - 1);
		assertThatNoException().isThrownBy(() -> this.throttle.check("alice", "10.0.0.1"));
		this.throttle.failed("alice", "10.0.0.1");

		assertThatThrownBy(() -> this.throttle.check("ALICE", "10.0.0.2")).isInstanceOf(LoginThrottledException.class)
			.hasMessage("Too many failed log-ins; try again in 30 s.");
		assertThatNoException().as("another account from the same address")
			.isThrownBy(() -> this.throttle.check("bob", "10.0.0.1"));

		this.clock.advance(Duration.ofSeconds(31));
		assertThatNoException().isThrownBy(() -> this.throttle.check("alice", "10.0.0.1"));
		this.throttle.failed("alice", "10.0.0.1");
		assertThat(waitFor("alice", "10.0.0.1")).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void theWaitNeverGrowsPastAQuarterOfAnHourAndOldFailuresAreForgotten() {
		failTimes("alice", "10.0.0.1", 40);
		assertThat(waitFor("alice", "10.0.0.3")).isEqualTo(LoginThrottle.LONGEST_WAIT);

		this.clock.advance(Duration.ofHours(2));
		assertThatNoException().isThrownBy(() -> this.throttle.check("alice", "10.0.0.1"));
		this.throttle.failed("alice", "10.0.0.1");
		assertThatNoException().as("counting starts again").isThrownBy(() -> this.throttle.check("alice", "10.0.0.1"));
	}

	@Test
	void theRightPasswordClearsTheAccountButNotTheAddress() {
		failTimes("alice", "10.0.0.1", 4);
		this.throttle.succeeded("alice");
		failTimes("alice", "10.0.0.1", 4);
		assertThatNoException().isThrownBy(() -> this.throttle.check("alice", "10.0.0.1"));
	}

	@Test
	void anAddressGuessingAtManyAccountsWaitsAfterTwentyFailures() {
		for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
			this.throttle.failed("user" + i, "203.0.113.9");
		}
		assertThatThrownBy(() -> this.throttle.check("someone-new", "203.0.113.9"))
			.isInstanceOf(LoginThrottledException.class);
		assertThatNoException().isThrownBy(() -> this.throttle.check("someone-new", "198.51.100.4"));
	}

	private void failTimes(String username, String address, int times) {
		for (int i = 0; i < times; i++) {
			this.throttle.failed(username, address);
		}
	}

	private Duration waitFor(String username, String address) {
		try {
			this.throttle.check(username, address);
			return Duration.ZERO;
		}
		catch (LoginThrottledException ex) {
			return ex.retryAfter();
		}
	}

}
