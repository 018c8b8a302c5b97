package dev.ponder.account;

import org.springframework.http.HttpStatus;

/** The logged-in account, for what only makes sense with accounts on. */
final class CurrentAccount {

	private CurrentAccount() {
	}

	static AccountPrincipal require() {
		return CurrentOwner.principal()
			.orElseThrow(() -> new AccountRejectedException(HttpStatus.CONFLICT, "accounts_off",
					"Accounts are off on this Ponder (PONDER_AUTH=none): there is no account to do this for."));
	}

}
