package dev.ponder.account;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A token just made: the only time the token itself is seen. Serializable because the
 * settings page hands it to the page after its redirect in the session.
 */
public record CreatedAccessToken(UUID id, String name, String prefix, Instant createdAt, boolean saveCalls,
		String token) implements Serializable {

	static CreatedAccessToken of(AccessTokenView view, String token) {
		return new CreatedAccessToken(view.id(), view.name(), view.prefix(), view.createdAt(), view.saveCalls(), token);
	}

}
