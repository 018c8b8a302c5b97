package dev.ponder.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secret that signs remember-me cookies. Made once and kept in the database, so that
 * cookies outlive restarts and every instance of a cluster accepts them.
 */
@Component
class RememberMeKey {

	private static final String NAME = "accounts.remember-me-key";

	private final JdbcClient jdbc;

	private final Clock clock;

	RememberMeKey(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	String get() {
		return stored().orElseGet(() -> {
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			try {
				this.jdbc.sql("INSERT INTO app_setting (name, setting_value, updated_at) VALUES (?, ?, ?)")
					.params(NAME, Base64.getEncoder().encodeToString(secret),
							this.clock.instant().atOffset(ZoneOffset.UTC))
					.update();
			}
			catch (DataIntegrityViolationException ex) {
				// Another instance made it first: use theirs.
			}
			return stored().orElseThrow();
		});
	}

	private Optional<String> stored() {
		return this.jdbc.sql("SELECT setting_value FROM app_setting WHERE name = ?")
			.param(NAME)
			.query(String.class)
			.optional();
	}

}
