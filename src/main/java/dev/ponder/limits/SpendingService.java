package dev.ponder.limits;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * What people have spent against their limits, and the administrator's changes to those
 * limits.
 */
@Service
public class SpendingService {

	/** Ten million dollars a day is no limit anybody means: a typo, refused. */
	private static final BigDecimal MOST = BigDecimal.valueOf(10_000_000);

	private final SpendingStore store;

	private final LimitsProperties properties;

	private final LimitPeriods periods;

	private final SpendingGate gate;

	SpendingService(SpendingStore store, LimitsProperties properties, LimitPeriods periods, SpendingGate gate) {
		this.store = store;
		this.properties = properties;
		this.periods = periods;
		this.gate = gate;
	}

	/** The person asking: their limits (their own, else the defaults) and spend. */
	@Transactional(readOnly = true)
	public PersonSpending mine() {
		return of(this.gate.owner());
	}

	/** An account's limits and spend, for the administrator. */
	@Transactional(readOnly = true)
	public PersonSpending of(UUID owner) {
		SpendingLimits limits = this.store.ownLimits(owner).orElse(this.properties.defaults());
		return new PersonSpending(limits.daily(), limits.monthly(),
				this.store.spentSince(owner, this.periods.start(LimitKind.DAILY)),
				this.store.spentSince(owner, this.periods.start(LimitKind.MONTHLY)),
				this.store.held(owner, this.periods.now().minus(this.properties.reservationExpiry())),
				this.store.allowedModels(owner).patterns());
	}

	/** The account's own limits, without the defaults. */
	@Transactional(readOnly = true)
	public SpendingLimits own(UUID owner) {
		return this.store.ownLimits(owner);
	}

	/** The limits everyone has unless given their own. */
	public SpendingLimits defaults() {
		return this.properties.defaults();
	}

	/**
	 * Gives an account limits of its own, or clears them; a negative or absurd amount is
	 * refused with a sentence and nothing changes.
	 */
	public void change(UUID owner, LimitChange change) {
		if (!change.any()) {
			return;
		}
		ModelAllowList allowed = new ModelAllowList(change.allowedModels());
		if (allowed.stored() != null && allowed.stored().length() > ModelAllowList.MAX_STORED) {
			throw new ProblemException(ErrorCode.INVALID_REQUEST, "The models allowed come to more than "
					+ ModelAllowList.MAX_STORED + " characters: use patterns such as deepseek/* instead.");
		}
		checked("daily", change.daily());
		checked("monthly", change.monthly());
		this.store.ensureRow(owner);
		SpendingLimits own = this.store.ownLimits(owner);
		this.store.setOwnLimits(owner, new SpendingLimits(change.dailyGiven() ? change.daily() : own.daily(),
				change.monthlyGiven() ? change.monthly() : own.monthly()));
		if (change.allowedGiven()) {
			this.store.setAllowedModels(owner, allowed);
		}
	}

	private static void checked(String period, BigDecimal limit) {
		if (limit != null && (limit.signum() < 0 || limit.compareTo(MOST) > 0)) {
			throw new ProblemException(ErrorCode.INVALID_REQUEST,
					"A " + period + " limit is an amount of US dollars from 0 to 10,000,000, or null for none; "
							+ limit.toPlainString() + " is not one.");
		}
	}

}
