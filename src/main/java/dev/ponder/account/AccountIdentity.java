package dev.ponder.account;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An identity at an OpenID Connect provider that signs in as an account: linked by the
 * provider's issuer and its subject for the person, never by email alone.
 */
@Entity
@Table(name = "account_identity")
class AccountIdentity {

	@EmbeddedId
	private Key key;

	private UUID accountId;

	private Instant createdAt;

	private Instant lastLoginAt;

	protected AccountIdentity() {
	}

	AccountIdentity(Key key, UUID accountId, Instant now) {
		this.key = key;
		this.accountId = accountId;
		this.createdAt = now;
	}

	UUID getAccountId() {
		return this.accountId;
	}

	void loggedIn(Instant now) {
		this.lastLoginAt = now;
	}

	/** Who the provider says signed in. */
	@Embeddable
	record Key(String issuer, String subject) implements Serializable {
	}

}
