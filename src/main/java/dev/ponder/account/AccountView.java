package dev.ponder.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ponder.limits.PersonSpending;
import dev.ponder.limits.SpendingLimits;
import dev.ponder.limits.SpendingService;

/**
 * An account as the admin API and the users page show it: never its password hash. Its
 * spending limits in force ({@code null} for none), where each comes from ({@code "own"},
 * {@code "default"} or {@code "none"}: the limit in force alone cannot tell a person's
 * own $5 from a default of $5, nor "no limit" from "the default"), and what it spent this
 * day and month (UTC) are there once {@link #withSpending} added them.
 */
public record AccountView(UUID id, String username, boolean admin, boolean disabled, Instant createdAt,
		Instant lastLoginAt, BigDecimal dailyLimit, String dailyLimitSource, BigDecimal monthlyLimit,
		String monthlyLimitSource, BigDecimal spentToday, BigDecimal spentThisMonth, List<String> allowedModels) {

	static AccountView of(Account account) {
		return new AccountView(account.getId(), account.getUsername(), account.isAdmin(), account.isDisabled(),
				account.getCreatedAt(), account.getLastLoginAt(), null, null, null, null, null, null, null);
	}

	/**
	 * With the limits in force and spend, and where each limit comes from: the person's
	 * {@code own} limits against the {@code defaults}.
	 */
	AccountView withSpending(SpendingService spending) {
		return withSpending(spending.of(this.id), spending.own(this.id), spending.defaults());
	}

	private AccountView withSpending(PersonSpending spending, SpendingLimits own, SpendingLimits defaults) {
		return new AccountView(this.id, this.username, this.admin, this.disabled, this.createdAt, this.lastLoginAt,
				spending.dailyLimit(), own.dailySource(defaults).word(), spending.monthlyLimit(),
				own.monthlySource(defaults).word(), spending.spentToday(), spending.spentThisMonth(),
				spending.allowedModels());
	}

	/** Whether the person spent their daily limit or more. */
	public boolean overDaily() {
		return this.dailyLimit != null && this.spentToday != null && this.spentToday.compareTo(this.dailyLimit) >= 0;
	}

	/** Whether the person spent their monthly limit or more. */
	public boolean overMonthly() {
		return this.monthlyLimit != null && this.spentThisMonth != null
				&& this.spentThisMonth.compareTo(this.monthlyLimit) >= 0;
	}

}
