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

	/** Each of these limits, or where absent, the other's. */
	SpendingLimits orElse(SpendingLimits defaults) {
		return new SpendingLimits((this.daily != null) ? this.daily : defaults.daily,
				(this.monthly != null) ? this.monthly : defaults.monthly);
	}

}
