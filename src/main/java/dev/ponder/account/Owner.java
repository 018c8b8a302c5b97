package dev.ponder.account;

import java.util.UUID;

/**
 * Whose conversations a request may see: one account's, or, with accounts off, all of
 * them.
 *
 * @param accountId the account, or null for everyone (single-user mode)
 */
public record Owner(UUID accountId) {

	/** Single-user mode: whoever reaches the port owns everything. */
	public static final Owner EVERYONE = new Owner(null);

	public boolean isEveryone() {
		return this.accountId == null;
	}

	/** Whether something owned by {@code ownerId} is this owner's to see. */
	public boolean owns(UUID ownerId) {
		return this.accountId == null || this.accountId.equals(ownerId);
	}

}
