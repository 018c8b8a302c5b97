package dev.ponder.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts for Spring Security's password log-in and remember-me. When the password
 * encoder's favourite hash changes, stored hashes are upgraded at the next log-in.
 */
@Service
@Transactional
class AccountDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private final AccountRepository accounts;

	AccountDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.findByUsername(Account.normalise(username))
			.map(AccountPrincipal::new)
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

	@Override
	public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
		Account account = this.accounts.findByUsername(user.getUsername())
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
		account.changePasswordHash(newPasswordHash);
		return new AccountPrincipal(account);
	}

}
