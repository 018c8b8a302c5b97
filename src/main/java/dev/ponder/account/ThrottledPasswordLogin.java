package dev.ponder.account;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password log-in (the form and HTTP Basic) with the throttle in front: every try is
 * counted before the password is looked at (a right one takes it back), and a try while
 * the account or the address must wait is refused.
 */
class ThrottledPasswordLogin implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledPasswordLogin(AuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		LoginThrottle.Attempt attempt = this.throttle.begin(username, address);
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.throttle.succeeded(attempt);
			return result;
		}
		catch (DisabledException ex) {
			// Told only after the right password: no guess was wrong.
			this.throttle.succeeded(attempt);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
