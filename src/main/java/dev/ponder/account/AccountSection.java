package dev.ponder.account;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the settings page shows about the logged-in account: its name, its tokens, and
 * where the OpenAI-compatible API that takes them answers.
 */
@Component
public class AccountSection {

	private final AccessTokenService tokens;

	private final AccountIdentityRepository identities;

	private final OidcProperties singleSignOn;

	AccountSection(AccessTokenService tokens, AccountIdentityRepository identities, OidcProperties singleSignOn) {
		this.tokens = tokens;
		this.identities = identities;
		this.singleSignOn = singleSignOn;
	}

	/** Empty with accounts off: there is no account to show. */
	public Optional<View> current() {
		return CurrentOwner.principal()
			.map((principal) -> new View(principal.getUsername(), principal.admin(), this.tokens.list(principal.id()),
					apiBaseUrl(), this.identities.existsByAccountId(principal.id()) ? this.singleSignOn.name() : null));
	}

	/**
	 * The base URL an OpenAI client is given, as this request reached the server (behind
	 * a proxy, as the proxy's forwarded headers say).
	 */
	private static String apiBaseUrl() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/v1").toUriString();
	}

	/**
	 * @param apiBaseUrl the OpenAI-compatible API's base URL on this server
	 * @param signsInWith the identity provider the account signs in with, whose password
	 * is the one that counts; {@code null} for an account with a password here
	 */
	public record View(String username, boolean admin, List<AccessTokenView> tokens, String apiBaseUrl,
			String signsInWith) {
	}

}
