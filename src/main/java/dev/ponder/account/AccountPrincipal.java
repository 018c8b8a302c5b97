package dev.ponder.account;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A logged-in person as Spring Security holds them: their account id travels with them,
 * so that every query can be limited to what they own.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer {

	private static final long serialVersionUID = 1L;

	private static final List<GrantedAuthority> USER = List.of(new SimpleGrantedAuthority("ROLE_USER"));

	private static final List<GrantedAuthority> ADMIN = List.of(new SimpleGrantedAuthority("ROLE_USER"),
			new SimpleGrantedAuthority("ROLE_ADMIN"));

	private final UUID id;

	private final String username;

	private String passwordHash;

	private final boolean admin;

	private final boolean enabled;

	/**
	 * Tells which password (and which round of "log out everywhere") this log-in was made
	 * with, after the hash itself is erased: when either changes, sessions made before
	 * end.
	 */
	private final int sessionStamp;

	AccountPrincipal(Account account) {
		this.id = account.getId();
		this.username = account.getUsername();
		this.passwordHash = account.getPasswordHash();
		this.admin = account.isAdmin();
		this.enabled = !account.isDisabled();
		this.sessionStamp = Objects.hash(account.getPasswordHash(), account.getSessionEpoch());
	}

	public UUID id() {
		return this.id;
	}

	public boolean admin() {
		return this.admin;
	}

	/**
	 * Whether both were made from the same account with the same password, since it last
	 * logged out everywhere.
	 */
	boolean sameSessions(AccountPrincipal other) {
		return this.id.equals(other.id) && this.sessionStamp == other.sessionStamp;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.admin ? ADMIN : USER;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	/** The hash is dropped once the password was checked: sessions never carry it. */
	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountPrincipal principal && this.id.equals(principal.id);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.id);
	}

	@Override
	public String toString() {
		return "AccountPrincipal[" + this.username + (this.admin ? ", admin" : "") + "]";
	}

}
