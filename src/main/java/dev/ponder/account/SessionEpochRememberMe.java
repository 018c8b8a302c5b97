package dev.ponder.account;

import java.util.function.ToIntFunction;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;

/**
 * Remember-me cookies signed with the account's password hash, as Spring Security signs
 * them, and with how many times it logged out everywhere: raising that makes every cookie
 * out there worthless, without keeping the cookies themselves anywhere.
 */
class SessionEpochRememberMe extends TokenBasedRememberMeServices {

	private final ToIntFunction<String> epochOf;

	SessionEpochRememberMe(String key, UserDetailsService users, ToIntFunction<String> epochOf) {
		super(key, users, RememberMeTokenAlgorithm.SHA256);
		this.epochOf = epochOf;
	}

	@Override
	protected String makeTokenSignature(long tokenExpiryTime, String username, String password,
			RememberMeTokenAlgorithm algorithm) {
		return super.makeTokenSignature(tokenExpiryTime, username, password + ":" + this.epochOf.applyAsInt(username),
				algorithm);
	}

}
