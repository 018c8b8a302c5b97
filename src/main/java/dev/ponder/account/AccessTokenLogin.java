package dev.ponder.account;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Personal access tokens for Spring Security: reads {@code Authorization: Bearer …} and
 * finds the account the token belongs to.
 */
class AccessTokenLogin implements AuthenticationProvider, AuthenticationConverter {

	private static final String BEARER = "Bearer ";

	private final AccessTokenService tokens;

	AccessTokenLogin(AccessTokenService tokens) {
		this.tokens = tokens;
	}

	@Override
	public Authentication convert(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		return AccessTokenAuthentication.unauthenticated(header.substring(BEARER.length()).strip());
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String token = (String) authentication.getCredentials();
		return this.tokens.authenticate(token)
			.orElseThrow(() -> new BadCredentialsException("The access token is unknown, revoked or of a disabled "
					+ "account; make a new one on the settings page."));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return AccessTokenAuthentication.class.isAssignableFrom(authentication);
	}

}
