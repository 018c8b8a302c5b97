package dev.ponder.limits;

import java.math.BigDecimal;

/**
 * A person's limits in US dollars; {@code null} for none.
 *
 * @param daily the most spent in a day (UTC)
 * @param monthly the most spent in a calendar month (UTC)
 */
public record SpendingLimits(BigDecimal daily, BigDecimal monthly) {

	public static final SpendingLimits NONE = new SpendingLimits(null, null);

	public boolean any() {
		return this.daily != null || this.monthly != null;
	}

	/** The daily limit as a form shows it: "5", "2.5", or empty for none. */
	public String getDailyText() {
		return plain(this.daily);
	}

	/** The monthly limit as a form shows it. */
	public String getMonthlyText() {
		return plain(this.monthly);
	}

	private static String plain(BigDecimal amount) {
		return (amount != null) ? amount.stripTrailingZeros().toPlainString() : "";
	}

	/** Each of these limits, or where absent, the other's. */
	SpendingLimits orElse(SpendingLimits defaults) {
		return new SpendingLimits((this.daily != null) ? this.daily : defaults.daily,
				(this.monthly != null) ? this.monthly : defaults.monthly);
	}

}
