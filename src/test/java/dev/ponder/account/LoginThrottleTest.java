package dev.ponder.account;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.ponder.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottleTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(JdbcClient.create(freshDatabase()), this.clock);

	/** An H2 in memory of its own, with Ponder's schema, where the counts live. */
	private static DataSource freshDatabase() {
		DataSource database = new DriverManagerDataSource(
				"jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure()
			.dataSource(database)
			.locations("classpath:db/migration", "classpath:db/vendor/h2")
			.load()
			.migrate();
		return database;
	}

	@Test
	void anAccountWaitsAfterFiveFailuresFromOneAddressAndTwiceAsLongAfterEachFurtherOne() {
		failTimes("alice", "10.0.0.1", LoginThrottle.FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS);

		assertThatThrownBy(() -> this.throttle.begin("ALICE", "10.0.0.1")).isInstanceOf(LoginThrottledException.class)
			.hasMessage("Too many failed log-ins; try again in 30 s.");
		assertThatNoException().as("another account from the same address")
			.isThrownBy(() -> this.throttle.begin("bob", "10.0.0.1"));
		assertThatNoException().as("the same account from elsewhere: nobody can lock a person out")
			.isThrownBy(() -> this.throttle.begin("alice", "10.0.0.2"));

		this.clock.advance(Duration.ofSeconds(31));
		this.throttle.begin("alice", "10.0.0.1");
		assertThat(waitFor("alice", "10.0.0.1")).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void triesSentAllAtOnceAreCountedBeforeTheirPasswordsAreChecked() throws Exception {
		int tries = 50;
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Boolean>> all = new ArrayList<>();
		for (int i = 0; i < tries; i++) {
			all.add(CompletableFuture.supplyAsync(() -> {
				try {
					start.await(5, TimeUnit.SECONDS);
					this.throttle.begin("alice", "10.0.0.1");
					return true;
				}
				catch (LoginThrottledException ex) {
					return false;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}));
		}
		start.countDown();
		long allowed = 0;
		for (CompletableFuture<Boolean> future : all) {
			allowed += future.get(10, TimeUnit.SECONDS) ? 1 : 0;
		}
		assertThat(allowed).isEqualTo(LoginThrottle.FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS);
	}

	@Test
	void theWaitNeverGrowsPastAQuarterOfAnHourAndOldFailuresAreForgotten() {
		for (int i = 0; i < 30; i++) {
			this.clock.advance(LoginThrottle.LONGEST_WAIT);
			this.throttle.begin("alice", "10.0.0.1");
		}
		assertThat(waitFor("alice", "10.0.0.1")).isEqualTo(LoginThrottle.LONGEST_WAIT);

		this.clock.advance(Duration.ofHours(2));
		failTimes("alice", "10.0.0.1", LoginThrottle.FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS);
		assertThatThrownBy(() -> this.throttle.begin("alice", "10.0.0.1")).as("counting started again")
			.isInstanceOf(LoginThrottledException.class)
			.hasMessage("Too many failed log-ins; try again in 30 s.");
	}

	@Test
	void theRightPasswordClearsTheAccountsCountFromItsAddress() {
		failTimes("alice", "10.0.0.1", 4);
		this.throttle.succeeded(this.throttle.begin("alice", "10.0.0.1"));
		failTimes("alice", "10.0.0.1", 4);
		assertThatNoException().isThrownBy(() -> this.throttle.begin("alice", "10.0.0.1"));
	}

	@Test
	void anAddressGuessingAtManyAccountsWaitsAfterTwentyFailures() {
		for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
			this.throttle.begin("user" + i, "203.0.113.9");
		}
		assertThatThrownBy(() -> this.throttle.begin("someone-new", "203.0.113.9"))
			.isInstanceOf(LoginThrottledException.class);
		assertThatNoException().isThrownBy(() -> this.throttle.begin("someone-new", "198.51.100.4"));
	}

	@Test
	void anIpv6HouseholdCountsAsOneAddressAndLongNamesAsTheirFirst64Characters() {
		assertThat(LoginThrottle.network("2001:db8:1:2:aaaa::1")).isEqualTo(LoginThrottle.network("2001:db8:1:2::ffff"))
			.isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(LoginThrottle.network("192.0.2.7")).isEqualTo("192.0.2.7");
		String huge = "a".repeat(1_000_000);
		failTimes(huge, "10.0.0.1", LoginThrottle.FREE_FAILURES_PER_ACCOUNT_AND_ADDRESS);
		assertThatThrownBy(() -> this.throttle.begin("a".repeat(64) + "b", "10.0.0.1"))
			.isInstanceOf(LoginThrottledException.class);
	}

	private void failTimes(String username, String address, int times) {
		for (int i = 0; i < times; i++) {
			this.throttle.begin(username, address);
		}
	}

	private Duration waitFor(String username, String address) {
		try {
			this.throttle.succeeded(this.throttle.begin(username, address));
			return Duration.ZERO;
		}
		catch (LoginThrottledException ex) {
			return ex.retryAfter();
		}
	}

}
