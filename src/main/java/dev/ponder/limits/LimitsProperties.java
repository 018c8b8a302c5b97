package dev.ponder.limits;

import java.math.BigDecimal;
import java.time.Duration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much each person may spend, in US dollars, unless the administrator gave them
 * limits of their own; and how an answer in flight is held against them.
 *
 * @param defaultDaily the limit per day (UTC) for everyone
 * ({@code PONDER_DEFAULT_DAILY_LIMIT}), unset for none
 * @param defaultMonthly the limit per month (UTC) for everyone
 * ({@code PONDER_DEFAULT_MONTHLY_LIMIT}), unset for none
 * @param reserveTokens the completion tokens an answer is assumed to take when the
 * request names no {@code maxTokens}
 * @param reservationExpiry how long an answer in flight is held against the limits at
 * most: an instance that died between the check and storing the question must not block a
 * person for good
 */
@Validated
@ConfigurationProperties("ponder.limits")
public record LimitsProperties(@DecimalMin("0") BigDecimal defaultDaily, @DecimalMin("0") BigDecimal defaultMonthly,
		@Min(1) @Max(10_000_000) @DefaultValue("8000") int reserveTokens,
		@NotNull @DefaultValue("1h") Duration reservationExpiry) {

	SpendingLimits defaults() {
		return new SpendingLimits(this.defaultDaily, this.defaultMonthly);
	}

}
