package dev.ponder.limits;

import java.math.BigDecimal;

/**
 * An administrator's change to a person's own limits; a limit not {@code given} stays as
 * it is, one given as {@code null} is cleared (the default applies again).
 */
public record LimitChange(boolean dailyGiven, BigDecimal daily, boolean monthlyGiven, BigDecimal monthly) {

	public boolean any() {
		return this.dailyGiven || this.monthlyGiven;
	}

}
