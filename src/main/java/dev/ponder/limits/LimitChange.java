package dev.ponder.limits;

import java.math.BigDecimal;
import java.util.List;

/**
 * An administrator's change to a person's own limits; a part given as {@code null} stays
 * as it is. Models allowed given as {@code null} (with {@code allowedGiven}) allow every
 * model again.
 */
public record LimitChange(OwnLimit daily, OwnLimit monthly, boolean allowedGiven, List<String> allowedModels) {

	/** A change of the spending limits only. */
	public LimitChange(OwnLimit daily, OwnLimit monthly) {
		this(daily, monthly, false, null);
	}

	public boolean any() {
		return this.daily != null || this.monthly != null || this.allowedGiven;
	}

	/**
	 * What a person's own limit becomes: an amount, the default again ({@link #DEFAULT}),
	 * or no limit even when there is a default ({@link #NO_LIMIT}).
	 *
	 * @param amount the amount in US dollars; {@code null} for the default or no limit
	 * @param none whether the person has no limit
	 */
	public record OwnLimit(BigDecimal amount, boolean none) {

		/** Nothing of the person's own: the default applies. */
		public static final OwnLimit DEFAULT = new OwnLimit(null, false);

		/** No limit, whatever the default. */
		public static final OwnLimit NO_LIMIT = new OwnLimit(null, true);

		public static OwnLimit of(BigDecimal amount) {
			return (amount != null) ? new OwnLimit(amount, false) : DEFAULT;
		}

		/** As the limit's column keeps it. */
		BigDecimal stored() {
			return this.none ? SpendingLimits.NO_LIMIT : this.amount;
		}

	}

}
