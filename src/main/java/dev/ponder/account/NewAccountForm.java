package dev.ponder.account;

import java.io.Serializable;

/**
 * The fields of the set-up, sign-up and add-a-person forms. Passwords are never sent back
 * to the page. Serializable because a refused form goes back to its page after a
 * redirect, in the session (without its passwords).
 */
record NewAccountForm(String username, String password, String confirm, Boolean admin) implements Serializable {

	void checkConfirmation() {
		if (this.password != null && !this.password.equals(this.confirm)) {
			throw AccountRejectedException.invalid("The two passwords are not the same.");
		}
	}

	NewAccountForm withoutPasswords() {
		return new NewAccountForm(this.username, null, null, this.admin);
	}

}
