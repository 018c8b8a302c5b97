package dev.ponder.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A token as listed: its name, its first characters and its use, never the token.
 *
 * @param saveCalls whether calls through the OpenAI-compatible API made with it are saved
 * as conversations
 */
public record AccessTokenView(UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
		boolean saveCalls) {

	static AccessTokenView of(AccessToken token) {
		return new AccessTokenView(token.getId(), token.getName(), token.getTokenPrefix(), token.getCreatedAt(),
				token.getLastUsedAt(), token.savesCalls());
	}

}
