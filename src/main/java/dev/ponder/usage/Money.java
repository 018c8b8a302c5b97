package dev.ponder.usage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** US dollars as the usage page shows them: cents above a dollar, two digits below. */
final class Money {

	private Money() {
	}

	static String format(BigDecimal dollars) {
		if (dollars == null || dollars.signum() == 0) {
			return "$0";
		}
		BigDecimal shown = (dollars.abs().compareTo(BigDecimal.ONE) >= 0) ? dollars.setScale(2, RoundingMode.HALF_UP)
				: dollars.round(new MathContext(2, RoundingMode.HALF_UP));
		return "$" + shown.stripTrailingZeros().toPlainString();
	}

	/**
	 * An axis label, exact: whole dollars bare, anything else with at least two decimals
	 * ("$0.50", "$0.0125").
	 */
	static String axis(BigDecimal dollars) {
		BigDecimal exact = dollars.stripTrailingZeros();
		if (exact.scale() <= 0) {
			return "$" + exact.setScale(0).toPlainString();
		}
		return "$" + exact.setScale(Math.max(2, exact.scale())).toPlainString();
	}

}
