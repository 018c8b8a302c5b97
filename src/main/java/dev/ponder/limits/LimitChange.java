package dev.ponder.limits;

import java.math.BigDecimal;
import java.util.List;

/**
 * An administrator's change to a person's own limits; a part not {@code given} stays as
 * it is, a limit given as {@code null} is cleared (the default applies again), models
 * allowed given as {@code null} allow every model again.
 */
public record LimitChange(boolean dailyGiven, BigDecimal daily, boolean monthlyGiven, BigDecimal monthly,
		boolean allowedGiven, List<String> allowedModels) {

	/** A change of the spending limits only. */
	public LimitChange(boolean dailyGiven, BigDecimal daily, boolean monthlyGiven, BigDecimal monthly) {
		this(dailyGiven, daily, monthlyGiven, monthly, false, null);
	}

	public boolean any() {
		return this.dailyGiven || this.monthlyGiven || this.allowedGiven;
	}

}
