package dev.ponder.account;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The owner of the request being served, from Spring Security's context. Only requests
 * ask: answers streaming in the background write to messages they already know.
 */
@Component
public class CurrentOwner {

	private final boolean accountsOn;

	CurrentOwner(AccountProperties properties) {
		this.accountsOn = properties.accountsOn();
	}

	public Owner get() {
		if (!this.accountsOn) {
			return Owner.EVERYONE;
		}
		return principal().map((principal) -> new Owner(principal.id()))
			.orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Nobody is logged in."));
	}

	/** The logged-in account, if there is one. */
	public static Optional<AccountPrincipal> principal() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal)
				? Optional.of(principal) : Optional.empty();
	}

}
