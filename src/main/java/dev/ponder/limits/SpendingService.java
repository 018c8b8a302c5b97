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

	/** An account's limits in force (their own, else the defaults) and spend. */
	@Transactional(readOnly = true)
	public PersonSpending of(UUID owner) {
		SpendingLimits limits = this.gate.limitsOf(owner);
		return new PersonSpending(limits.daily(), limits.monthly(),
				this.store.spentSince(owner, this.periods.start(LimitKind.DAILY)),
				this.store.spentSince(owner, this.periods.start(LimitKind.MONTHLY)), this.gate.heldFor(owner),
				this.store.allowedModels(owner).patterns());
	}

	/**
	 * The account's own limits, without the defaults: {@code null} for none of their own,
	 * {@link SpendingLimits#NO_LIMIT} where they are exempt.
	 */
	@Transactional(readOnly = true)
	public SpendingLimits own(UUID owner) {
		return this.store.ownLimits(owner);
	}

	/** The limits everyone has unless given their own. */
	public SpendingLimits defaults() {
		return this.properties.defaults();
	}

	/**
	 * Refuses, with a sentence, a change with a negative or absurd amount or too many
	 * models allowed; changes nothing.
	 */
	public void check(LimitChange change) {
		ModelAllowList allowed = new ModelAllowList(change.allowedModels());
		if (allowed.stored() != null && allowed.stored().length() > ModelAllowList.MAX_STORED) {
			throw new ProblemException(ErrorCode.INVALID_REQUEST, "The models allowed come to more than "
					+ ModelAllowList.MAX_STORED + " characters: use patterns such as deepseek/* instead.");
		}
		checked(LimitKind.DAILY, change.daily());
		checked(LimitKind.MONTHLY, change.monthly());
	}

	/**
	 * Gives an account limits of its own, or clears them; a change {@link #check} refuses
	 * changes nothing. Joins the caller's transaction, so that a change of the account
	 * made with it stands or falls with it.
	 */
	public void change(UUID owner, LimitChange change) {
		if (!change.any()) {
			return;
		}
		check(change);
		this.store.ensureRow(owner);
		SpendingLimits own = this.store.ownLimits(owner);
		this.store.setOwnLimits(owner,
				new SpendingLimits((change.daily() != null) ? change.daily().stored() : own.daily(),
						(change.monthly() != null) ? change.monthly().stored() : own.monthly()));
		if (change.allowedGiven()) {
			this.store.setAllowedModels(owner, new ModelAllowList(change.allowedModels()));
		}
	}

	/**
	 * Makes the account's row of limits before a transaction that changes it: a row two
	 * requests make at once must not spoil that transaction on PostgreSQL.
	 */
	public void prepare(UUID owner) {
		this.store.ensureRow(owner);
	}

	private static void checked(LimitKind kind, LimitChange.OwnLimit limit) {
		BigDecimal amount = (limit != null) ? limit.amount() : null;
		if (amount != null && (amount.signum() < 0 || amount.compareTo(MOST) > 0)) {
			throw new ProblemException(ErrorCode.INVALID_REQUEST,
					"A " + kind.adjective()
							+ " limit is an amount of US dollars from 0 to 10,000,000, null for the default, "
							+ "or \"none\" for no limit; " + amount.toPlainString() + " is not one.");
		}
	}

}
