package dev.ponder.limits;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A person's limits in US dollars. As limits in force, {@code null} is no limit. As a
 * person's own limits (what the administrator gave them), {@code null} is nothing of
 * their own, so the default ({@code PONDER_DEFAULT_DAILY_LIMIT}, ...) applies, and
 * {@link #NO_LIMIT} is no limit even when there is a default: a person exempt from it.
 *
 * @param daily the most spent in a day (UTC)
 * @param monthly the most spent in a calendar month (UTC)
 */
public record SpendingLimits(BigDecimal daily, BigDecimal monthly) {

	public static final SpendingLimits NONE = new SpendingLimits(null, null);

	/**
	 * A person's own limit that is no limit, the default not applying either; stored as
	 * -1 in the limit's column (V20 allows no other negative amount), so that every
	 * reader of the row, the send's check included, learns it from the same two columns.
	 */
	public static final BigDecimal NO_LIMIT = BigDecimal.valueOf(-1);

	public boolean any() {
		return this.daily != null || this.monthly != null;
	}

	/**
	 * The daily limit as a form shows it: "5", "2.5", "none", or empty for the default.
	 */
	public String getDailyText() {
		return plain(this.daily);
	}

	/** The monthly limit as a form shows it. */
	public String getMonthlyText() {
		return plain(this.monthly);
	}

	/**
	 * Where the daily limit in force comes from, these being the person's own and those
	 * given the defaults.
	 */
	public LimitSource dailySource(SpendingLimits defaults) {
		return source(this.daily, defaults.daily);
	}

	/** Where the monthly limit in force comes from. */
	public LimitSource monthlySource(SpendingLimits defaults) {
		return source(this.monthly, defaults.monthly);
	}

	private static LimitSource source(BigDecimal own, BigDecimal fallback) {
		if (own == null) {
			return (fallback != null) ? LimitSource.DEFAULT : LimitSource.NONE;
		}
		return isNoLimit(own) ? LimitSource.NONE : LimitSource.OWN;
	}

	static boolean isNoLimit(BigDecimal own) {
		return own != null && own.compareTo(NO_LIMIT) == 0;
	}

	private static String plain(BigDecimal amount) {
		if (amount == null) {
			return "";
		}
		return isNoLimit(amount) ? "none" : amount.stripTrailingZeros().toPlainString();
	}

	/**
	 * The limits in force, these being a person's own: each own limit, or where there is
	 * none of their own, the default's; no limit where they are exempt.
	 */
	SpendingLimits orElse(SpendingLimits defaults) {
		return new SpendingLimits(inForce(this.daily, defaults.daily), inForce(this.monthly, defaults.monthly));
	}

	private static BigDecimal inForce(BigDecimal own, BigDecimal fallback) {
		if (own == null) {
			return fallback;
		}
		return isNoLimit(own) ? null : own;
	}

	/** Where a limit in force comes from, as the admin API names it. */
	public enum LimitSource {

		/** The person's own amount. */
		OWN,
		/** The limit for everyone. */
		DEFAULT,
		/** No limit: none of their own and no default, or exempt from the default. */
		NONE;

		/** "own", "default" or "none". */
		public String word() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
