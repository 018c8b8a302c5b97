package dev.ponder.account;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Spring Security's password log-in, which skips bcrypt for a password that matched the
 * same account's same stored hash a few minutes ago ({@link VerifiedPasswords}).
 * <p>
 * Only the password comparison of an account that exists is skipped: the account is still
 * read, and its status checked afterwards, on every log-in. An unknown username still
 * costs one bcrypt against a dummy hash, as Spring Security does it, and that check is
 * never remembered: otherwise a fast answer would tell which usernames do not exist.
 */
class RememberingPasswordLogin extends DaoAuthenticationProvider {

	private final VerifiedPasswords verified;

	RememberingPasswordLogin(UserDetailsService accounts, VerifiedPasswords verified) {
		super(accounts);
		this.verified = verified;
	}

	@Override
	protected void additionalAuthenticationChecks(UserDetails account,
			UsernamePasswordAuthenticationToken authentication) {
		Object credentials = authentication.getCredentials();
		if (credentials == null || account.getPassword() == null) {
			super.additionalAuthenticationChecks(account, authentication);
			return;
		}
		String password = credentials.toString();
		if (this.verified.remembers(account.getUsername(), account.getPassword(), password)) {
			return;
		}
		// Throws for a wrong password, which is therefore never remembered.
		super.additionalAuthenticationChecks(account, authentication);
		this.verified.remember(account.getUsername(), account.getPassword(), password);
	}

}
