package dev.ponder.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * US dollars in words, one rule wherever Ponder shows money (static/js/format.js words
 * them the same): to the cent from a dollar up, two significant digits below (enough to
 * tell a tenth of a cent from a dollar); whole dollars bare, anything else with at least
 * two decimals: "$15", "$7.50", "$0.40", "$0.013", "$1,234.50".
 */
public final class Money {

	private static final MathContext TWO_DIGITS = new MathContext(2, RoundingMode.HALF_UP);

	private Money() {
	}

	/** An amount, rounded as above; {@code null} for none. */
	public static String dollars(BigDecimal amount) {
		if (amount == null) {
			return null;
		}
		return exact((amount.abs().compareTo(BigDecimal.ONE) >= 0) ? amount.setScale(2, RoundingMode.HALF_UP)
				: amount.round(TWO_DIGITS));
	}

	/**
	 * What something cost, or costs: as {@link #dollars}, except that nothing is "free".
	 */
	public static String cost(BigDecimal amount) {
		return (amount != null && amount.signum() == 0) ? "free" : dollars(amount);
	}

	/**
	 * An amount as it is, not rounded (an axis label, whose round values must not lie):
	 * "$1", "$0.50", "$0.0125".
	 */
	public static String exact(BigDecimal amount) {
		BigDecimal plain = amount.stripTrailingZeros();
		int decimals = (plain.scale() <= 0) ? 0 : Math.max(2, plain.scale());
		DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
		format.setMinimumFractionDigits(decimals);
		format.setMaximumFractionDigits(decimals);
		return ((plain.signum() < 0) ? "-$" : "$") + format.format(plain.abs());
	}

}
