package dev.ponder.account;

import dev.ponder.problem.ErrorCode;

/** The logged-in account, for what only makes sense with accounts on. */
final class CurrentAccount {

	private CurrentAccount() {
	}

	static AccountPrincipal require() {
		return CurrentOwner.principal()
			.orElseThrow(() -> new AccountRejectedException(ErrorCode.ACCOUNTS_OFF,
					"Accounts are off on this Ponder (PONDER_AUTH=none): there is no account to do this for."));
	}

}
