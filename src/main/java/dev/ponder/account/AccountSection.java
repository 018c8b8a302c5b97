package dev.ponder.account;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What the settings page shows about the logged-in account: its name and its tokens.
 */
@Component
public class AccountSection {

	private final AccessTokenService tokens;

	AccountSection(AccessTokenService tokens) {
		this.tokens = tokens;
	}

	/** Empty with accounts off: there is no account to show. */
	public Optional<View> current() {
		return CurrentOwner.principal()
			.map((principal) -> new View(principal.getUsername(), principal.admin(), this.tokens.list(principal.id())));
	}

	public record View(String username, boolean admin, List<AccessTokenView> tokens) {
	}

}
