package dev.ponder.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens: made for a script, shown once, stored as a SHA-256 hash, used
 * as {@code Authorization: Bearer …}, revoked when no longer wanted.
 */
@Service
@Transactional
public class AccessTokenService {

	/**
	 * Tells a Ponder token apart at a glance, and lets secret scanners find leaked ones.
	 */
	static final String PREFIX = "pnd_";

	static final int MAX_NAME_LENGTH = 100;

	/** How often a token's last use is written: not on every request a script makes. */
	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	private static final int TOKEN_BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	private final AccessTokenRepository tokens;

	private final AccountRepository accounts;

	private final Clock clock;

	AccessTokenService(AccessTokenRepository tokens, AccountRepository accounts, Clock clock) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.clock = clock;
	}

	public CreatedAccessToken create(UUID accountId, String name) {
		return create(accountId, name, true);
	}

	/**
	 * Makes a token; with {@code saveCalls} false, calls through the OpenAI-compatible
	 * API made with it are not kept as conversations.
	 */
	public CreatedAccessToken create(UUID accountId, String name, boolean saveCalls) {
		String label = (name != null) ? name.strip() : "";
		if (label.isEmpty()) {
			throw AccountRejectedException.invalid("Give the token a name, to tell it apart later.");
		}
		if (label.length() > MAX_NAME_LENGTH) {
			throw AccountRejectedException
				.invalid("A token's name is at most " + MAX_NAME_LENGTH + " characters long.");
		}
		byte[] secret = new byte[TOKEN_BYTES];
		this.random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		AccessToken stored = this.tokens.save(new AccessToken(accountId, label, hash(token), token.substring(0, 12),
				saveCalls, this.clock.instant()));
		return CreatedAccessToken.of(AccessTokenView.of(stored), token);
	}

	@Transactional(readOnly = true)
	public List<AccessTokenView> list(UUID accountId) {
		return this.tokens.findByAccountIdOrderByCreatedAtDesc(accountId).stream().map(AccessTokenView::of).toList();
	}

	/** Revokes one of the account's tokens; another person's token is as unknown. */
	public void revoke(UUID accountId, UUID tokenId) {
		AccessToken token = this.tokens.findByIdAndAccountId(tokenId, accountId)
			.orElseThrow(() -> AccountRejectedException.notFound("No access token with id " + tokenId + "."));
		this.tokens.delete(token);
	}

	/**
	 * The enabled account a token belongs to, if the token is known, and the token's
	 * choice.
	 */
	Optional<AccessTokenAuthentication> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return this.tokens.findByTokenHash(hash(token)).flatMap((found) -> {
			Instant now = this.clock.instant();
			if (found.getLastUsedAt() == null || found.getLastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
				found.used(now);
			}
			return this.accounts.findById(found.getAccountId())
				.filter((account) -> !account.isDisabled())
				.map(AccountPrincipal::new)
				.map((principal) -> {
					principal.eraseCredentials();
					return AccessTokenAuthentication.authenticated(principal, found.savesCalls());
				});
		});
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java has SHA-256", ex);
		}
	}

}
