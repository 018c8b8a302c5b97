package dev.ponder.account;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;

/** Refuses a disabled account, with a sentence its owner understands. */
class AccountStatusChecks implements UserDetailsChecker {

	@Override
	public void check(UserDetails user) {
		if (!user.isEnabled()) {
			throw new DisabledException("This account is disabled; ask the administrator.");
		}
	}

}
