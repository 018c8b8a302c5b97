package dev.ponder.limits;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.ponder.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/** The day and month limits count in, in UTC, and how a sentence says when they reset. */
class LimitPeriodsTest {

	@Test
	void daysAndMonthsStartAtMidnightUtc() {
		LimitPeriods periods = new LimitPeriods(new MutableClock(Instant.parse("2026-12-07T23:30:00Z")));

		assertThat(periods.start(LimitKind.DAILY)).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
		assertThat(periods.start(LimitKind.MONTHLY)).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
		assertThat(periods.resets(LimitKind.DAILY)).isEqualTo("at 00:00 UTC");
	}

	@Test
	void aMonthlyLimitResetsOnTheFirstOfTheNextMonthAcrossTheYear() {
		LimitPeriods periods = new LimitPeriods(new MutableClock(Instant.parse("2026-12-31T12:00:00Z")));

		assertThat(periods.resets(LimitKind.MONTHLY)).isEqualTo("on 1 January at 00:00 UTC");
	}

}
