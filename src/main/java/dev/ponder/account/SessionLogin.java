package dev.ponder.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Logs in a person who just made their account (set-up, sign-up), as the log-in form
 * would: a new session id, so that a session planted before cannot be taken over.
 */
@Component
class SessionLogin {

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	private final AccountService accounts;

	SessionLogin(AccountService accounts) {
		this.accounts = accounts;
	}

	void logIn(AccountPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		replace(principal, request, response);
		this.accounts.recordLogin(principal.id());
	}

	/**
	 * Puts the account as it is now in place of the one the request carries, and in its
	 * session if it has one (scripts, which log in on every request, have none).
	 */
	void replace(AccountPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
		principal.eraseCredentials();
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		this.holder.setContext(context);
		if (request.getSession(false) != null) {
			this.repository.saveContext(context, request, response);
		}
	}

}
