package dev.ponder.limits;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a person has spent this day and month (UTC) against their limits, for the users
 * page, the chip and the usage page.
 *
 * @param dailyLimit the limit per day, {@code null} for none
 * @param monthlyLimit the limit per month, {@code null} for none
 * @param spentToday the stored answers' cost since 00:00 UTC
 * @param spentThisMonth the stored answers' cost since the 1st, 00:00 UTC
 * @param held what answers still being written may cost at most
 * @param allowedModels the patterns of the models the person may use, {@code null} for
 * all
 */
public record PersonSpending(BigDecimal dailyLimit, BigDecimal monthlyLimit, BigDecimal spentToday,
		BigDecimal spentThisMonth, BigDecimal held, List<String> allowedModels) {

	/**
	 * What is left under the tighter limit, never below nothing; {@code null} without
	 * limits.
	 */
	public BigDecimal left() {
		BigDecimal left = null;
		if (this.dailyLimit != null) {
			left = this.dailyLimit.subtract(this.spentToday).subtract(this.held);
		}
		if (this.monthlyLimit != null) {
			BigDecimal month = this.monthlyLimit.subtract(this.spentThisMonth).subtract(this.held);
			left = (left == null) ? month : left.min(month);
		}
		return (left == null) ? null : left.max(BigDecimal.ZERO);
	}

	/**
	 * Which period the tighter limit counts: {@code day}, {@code month}, or {@code null}.
	 */
	public String leftPer() {
		if (this.dailyLimit == null && this.monthlyLimit == null) {
			return null;
		}
		if (this.monthlyLimit == null) {
			return "day";
		}
		if (this.dailyLimit == null) {
			return "month";
		}
		BigDecimal day = this.dailyLimit.subtract(this.spentToday);
		BigDecimal month = this.monthlyLimit.subtract(this.spentThisMonth);
		return (day.compareTo(month) <= 0) ? "day" : "month";
	}

}
