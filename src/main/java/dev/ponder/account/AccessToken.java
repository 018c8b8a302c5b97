package dev.ponder.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A personal access token, for scripts. Only its SHA-256 is stored; the token itself is
 * shown once, when it is made.
 */
@Entity
@Table(name = "access_token")
class AccessToken {

	@Id
	private UUID id;

	private UUID accountId;

	private String name;

	private String tokenHash;

	private String tokenPrefix;

	private Instant createdAt;

	private Instant lastUsedAt;

	/** Whether calls through the OpenAI-compatible API made with it are saved. */
	private boolean savesCalls = true;

	protected AccessToken() {
	}

	AccessToken(UUID accountId, String name, String tokenHash, String tokenPrefix, boolean savesCalls, Instant now) {
		this.savesCalls = savesCalls;
		this.id = UUID.randomUUID();
		this.accountId = accountId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.tokenPrefix = tokenPrefix;
		this.createdAt = now;
	}

	UUID getId() {
		return this.id;
	}

	UUID getAccountId() {
		return this.accountId;
	}

	String getName() {
		return this.name;
	}

	String getTokenPrefix() {
		return this.tokenPrefix;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	boolean savesCalls() {
		return this.savesCalls;
	}

	Instant getLastUsedAt() {
		return this.lastUsedAt;
	}

	void used(Instant now) {
		this.lastUsedAt = now;
	}

}
