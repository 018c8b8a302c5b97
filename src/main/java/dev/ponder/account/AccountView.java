package dev.ponder.account;

import java.time.Instant;
import java.util.UUID;

/** An account as the admin API and the users page show it: never its password hash. */
public record AccountView(UUID id, String username, boolean admin, boolean disabled, Instant createdAt,
		Instant lastLoginAt) {

	static AccountView of(Account account) {
		return new AccountView(account.getId(), account.getUsername(), account.isAdmin(), account.isDisabled(),
				account.getCreatedAt(), account.getLastLoginAt());
	}

}
