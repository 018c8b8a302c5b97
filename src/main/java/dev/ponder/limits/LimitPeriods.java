package dev.ponder.limits;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * The day and the month that limits count in: in UTC, the same for every person and every
 * instance, so that a sentence can say exactly when a limit resets.
 */
@Component
class LimitPeriods {

	private static final DateTimeFormatter DAY_AND_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

	private final Clock clock;

	LimitPeriods(Clock clock) {
		this.clock = clock;
	}

	Instant now() {
		return this.clock.instant();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	Instant start(LimitKind kind) {
		LocalDate first = (kind == LimitKind.DAILY) ? today() : today().withDayOfMonth(1);
		return first.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/**
	 * When the limit starts again from nothing, in words: "at 00:00 UTC", "on 1 January
	 * at 00:00 UTC".
	 */
	String resets(LimitKind kind) {
		if (kind == LimitKind.DAILY) {
			return "at 00:00 UTC";
		}
		return "on " + today().withDayOfMonth(1).plusMonths(1).format(DAY_AND_MONTH) + " at 00:00 UTC";
	}

}
