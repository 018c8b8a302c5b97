package dev.ponder.settings;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The settings Ponder keeps in its database (the {@code app_setting} table), each with a
 * typed getter and setter: the one place that knows their names and defaults. Settings of
 * the deployment live in the environment instead.
 */
@Service
@Transactional
public class AppSettings {

	/** The relay's prompt template until someone changes it. */
	public static final String DEFAULT_RELAY_TEMPLATE = """
			Another model has already thought about the user's last message. Its reasoning follows. \
			Use what is right in it, ignore what is wrong, and answer in your own words, without \
			mentioning that you were given reasoning.

			<reasoning>
			{reasoning}
			</reasoning>""";

	private static final String RELAY_TEMPLATE = "relay.template";

	private static final String REMEMBER_ME_KEY = "accounts.remember-me-key";

	private static final String FIRST_ADMINISTRATOR = "accounts.first-administrator";

	private final JdbcClient jdbc;

	private final Clock clock;

	AppSettings(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The relay's prompt template in force: the one set, or the default. */
	@Transactional(readOnly = true)
	public String relayTemplate() {
		return stored(RELAY_TEMPLATE).orElse(DEFAULT_RELAY_TEMPLATE);
	}

	public void changeRelayTemplate(String template) {
		if (this.jdbc.sql("UPDATE app_setting SET setting_value = ?, updated_at = ? WHERE name = ?")
			.params(template, now(), RELAY_TEMPLATE)
			.update() == 0) {
			insert(RELAY_TEMPLATE, template);
		}
	}

	/** The relay's prompt template goes back to the default. */
	public void resetRelayTemplate() {
		this.jdbc.sql("DELETE FROM app_setting WHERE name = ?").param(RELAY_TEMPLATE).update();
	}

	/**
	 * The secret that signs remember-me cookies: made the first time it is asked for and
	 * kept, so that cookies outlive restarts and every instance of a cluster accepts
	 * them. Outside any transaction: a failed insert must not spoil the read after it.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public String rememberMeKey() {
		return stored(REMEMBER_ME_KEY).orElseGet(() -> {
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			// False when another instance made it first: theirs is read below.
			insertOnce(REMEMBER_ME_KEY, Base64.getEncoder().encodeToString(secret));
			return stored(REMEMBER_ME_KEY).orElseThrow();
		});
	}

	/**
	 * Records who became the first administrator; false when someone already did, here or
	 * on another instance.
	 */
	public boolean recordFirstAdministrator(String username) {
		return insertOnce(FIRST_ADMINISTRATOR, username);
	}

	private Optional<String> stored(String name) {
		return this.jdbc.sql("SELECT setting_value FROM app_setting WHERE name = ?")
			.param(name)
			.query(String.class)
			.optional();
	}

	private boolean insertOnce(String name, String value) {
		try {
			insert(name, value);
			return true;
		}
		catch (DataIntegrityViolationException ex) {
			return false;
		}
	}

	private void insert(String name, String value) {
		this.jdbc.sql("INSERT INTO app_setting (name, setting_value, updated_at) VALUES (?, ?, ?)")
			.params(name, value, now())
			.update();
	}

	private OffsetDateTime now() {
		return this.clock.instant().atOffset(ZoneOffset.UTC);
	}

}
