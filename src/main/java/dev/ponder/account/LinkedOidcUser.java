package dev.ponder.account;

import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** An identity the provider vouched for, with the account it signs in as. */
class LinkedOidcUser extends DefaultOidcUser {

	private static final long serialVersionUID = 1L;

	private final AccountPrincipal account;

	LinkedOidcUser(OidcUser user, AccountPrincipal account) {
		super(account.getAuthorities(), user.getIdToken(), user.getUserInfo());
		this.account = account;
	}

	AccountPrincipal account() {
		return this.account;
	}

}
