package dev.ponder.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.ponder.settings.AppSettings;

/**
 * Turns an identity the provider vouched for into an account: the one linked to its
 * issuer and subject, or a new one at its first sign-in. Sign-up being closed does not
 * stop it: whoever the provider lets through is meant to use this Ponder, and the
 * provider is where that is decided.
 */
@Service
@Transactional
class SingleSignOnAccounts {

	private static final int MAX_USERNAME_LENGTH = 64;

	private final AccountRepository accounts;

	private final AccountIdentityRepository identities;

	private final AccountService accountService;

	private final AppSettings settings;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final OidcProperties properties;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	SingleSignOnAccounts(AccountRepository accounts, AccountIdentityRepository identities,
			AccountService accountService, AppSettings settings, PasswordEncoder passwords,
			ApplicationEventPublisher events, OidcProperties properties, Clock clock) {
		this.accounts = accounts;
		this.identities = identities;
		this.accountService = accountService;
		this.settings = settings;
		this.passwords = passwords;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The account the identity signs in as, its administration brought in line with the
	 * admin group when one is set.
	 * @throws SingleSignOnRefused when the account is disabled
	 */
	AccountPrincipal signIn(SignedInIdentity identity) {
		Instant now = this.clock.instant();
		AccountIdentity.Key key = new AccountIdentity.Key(identity.issuer(), identity.subject());
		AccountIdentity link = this.identities.findById(key).orElseGet(() -> firstSignIn(identity, key, now));
		Account account = this.accounts.findById(link.getAccountId())
			.orElseThrow(() -> new SingleSignOnRefused("account_missing", "This account no longer exists."));
		if (account.isDisabled()) {
			throw new SingleSignOnRefused("account_disabled", "This account is disabled; ask the administrator.");
		}
		if (this.properties.hasAdminGroup()) {
			account.makeAdmin(identity.groups().contains(this.properties.adminGroup()));
		}
		account.loggedIn(now);
		link.loggedIn(now);
		return new AccountPrincipal(account);
	}

	/**
	 * A new account. On an instance without any account yet, and without an admin group,
	 * the first person to sign in becomes its administrator, as the set-up page would
	 * make them (and only one can, even on two instances at once).
	 */
	private AccountIdentity firstSignIn(SignedInIdentity identity, AccountIdentity.Key key, Instant now) {
		boolean first = this.accountService.setUpNeeded();
		String username = freeUsername(identity.usernameHints());
		boolean admin = this.properties.hasAdminGroup() ? identity.groups().contains(this.properties.adminGroup())
				: first && this.settings.recordFirstAdministrator(username);
		// Password log-in stays impossible: the hash is of a secret nobody ever sees.
		Account account = this.accounts
			.saveAndFlush(new Account(username, this.passwords.encode(unknownSecret()), admin, now));
		if (first && admin) {
			this.events.publishEvent(new AdministratorAvailable(account.getId()));
		}
		// Flushed here: a link made meanwhile by the same identity elsewhere fails now,
		// where the caller tries again, not at the commit.
		return this.identities.saveAndFlush(new AccountIdentity(key, account.getId(), now));
	}

	/**
	 * The first of the provider's names that makes a valid username, with a number added
	 * when it is taken: "ada", "ada-2", …
	 */
	private String freeUsername(List<String> hints) {
		String base = hints.stream()
			.filter(Objects::nonNull)
			.map(SingleSignOnAccounts::asUsername)
			.filter((name) -> !name.isEmpty())
			.findFirst()
			.orElse("user");
		String candidate = base;
		for (int n = 2; this.accounts.existsByUsername(candidate); n++) {
			String suffix = "-" + n;
			candidate = base.substring(0, Math.min(base.length(), MAX_USERNAME_LENGTH - suffix.length())) + suffix;
		}
		return candidate;
	}

	/** Lower case, with what usernames may not hold turned into dashes. */
	static String asUsername(String name) {
		String cleaned = name.strip()
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9._@-]+", "-")
			.replaceAll("^-+|-+$", "");
		return cleaned.substring(0, Math.min(cleaned.length(), MAX_USERNAME_LENGTH));
	}

	private String unknownSecret() {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		return Base64.getEncoder().encodeToString(secret);
	}

	/**
	 * Who signed in, as the provider's ID token says.
	 *
	 * @param usernameHints names to make a new account's username from, best first
	 * @param groups the values of its {@code groups} claim
	 */
	record SignedInIdentity(String issuer, String subject, List<String> usernameHints, List<String> groups) {
	}

}
