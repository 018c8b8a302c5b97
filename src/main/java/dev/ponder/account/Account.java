package dev.ponder.account;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A person who uses this instance. The password is kept only as an adaptive hash.
 */
@Entity
@Table(name = "account")
public class Account {

	@Id
	private UUID id;

	private String username;

	private String passwordHash;

	private boolean admin;

	private boolean disabled;

	private Instant createdAt;

	private Instant lastLoginAt;

	/** Raised to end every session and remember-me cookie of the account at once. */
	private int sessionEpoch;

	protected Account() {
	}

	Account(String username, String passwordHash, boolean admin, Instant now) {
		this.id = UUID.randomUUID();
		this.username = normalise(username);
		this.passwordHash = passwordHash;
		this.admin = admin;
		this.createdAt = now;
	}

	/** Usernames are compared without case: "Alice" and "alice" are one person. */
	static String normalise(String username) {
		return (username != null) ? username.strip().toLowerCase(Locale.ROOT) : null;
	}

	public UUID getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	public boolean isAdmin() {
		return this.admin;
	}

	public boolean isDisabled() {
		return this.disabled;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getLastLoginAt() {
		return this.lastLoginAt;
	}

	void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	void disable(boolean disabled) {
		this.disabled = disabled;
	}

	int getSessionEpoch() {
		return this.sessionEpoch;
	}

	void endSessions() {
		this.sessionEpoch++;
	}

	void makeAdmin(boolean admin) {
		this.admin = admin;
	}

	void loggedIn(Instant now) {
		this.lastLoginAt = now;
	}

}
