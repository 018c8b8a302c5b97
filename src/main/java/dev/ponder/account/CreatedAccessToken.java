package dev.ponder.account;

import java.time.Instant;
import java.util.UUID;

/**
 * A token just made: the only time the token itself is seen.
 */
public record CreatedAccessToken(UUID id, String name, String prefix, Instant createdAt, String token) {

	static CreatedAccessToken of(AccessTokenView view, String token) {
		return new CreatedAccessToken(view.id(), view.name(), view.prefix(), view.createdAt(), token);
	}

}
