package dev.ponder.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ponder.limits.PersonSpending;

/**
 * An account as the admin API and the users page show it: never its password hash. Its
 * spending limits ({@code null} for none) and what it spent this day and month (UTC) are
 * there once {@link #withSpending} added them.
 */
public record AccountView(UUID id, String username, boolean admin, boolean disabled, Instant createdAt,
		Instant lastLoginAt, BigDecimal dailyLimit, BigDecimal monthlyLimit, BigDecimal spentToday,
		BigDecimal spentThisMonth, List<String> allowedModels) {

	static AccountView of(Account account) {
		return new AccountView(account.getId(), account.getUsername(), account.isAdmin(), account.isDisabled(),
				account.getCreatedAt(), account.getLastLoginAt(), null, null, null, null, null);
	}

	AccountView withSpending(PersonSpending spending) {
		return new AccountView(this.id, this.username, this.admin, this.disabled, this.createdAt, this.lastLoginAt,
				spending.dailyLimit(), spending.monthlyLimit(), spending.spentToday(), spending.spentThisMonth(),
				spending.allowedModels());
	}

}
