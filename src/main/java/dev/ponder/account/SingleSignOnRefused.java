package dev.ponder.account;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A valid identity that may not sign in here, with the sentence the log-in page shows.
 */
class SingleSignOnRefused extends OAuth2AuthenticationException {

	private static final long serialVersionUID = 1L;

	SingleSignOnRefused(String code, String message) {
		super(new OAuth2Error(code), message);
	}

}
