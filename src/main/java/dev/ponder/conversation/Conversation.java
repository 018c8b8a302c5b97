package dev.ponder.conversation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A conversation: a titled thread of messages.
 */
@Entity
@Table(name = "conversation")
public class Conversation {

	/** The title a conversation has until its first message names it. */
	public static final String UNTITLED = "New chat";

	static final int MAX_TITLE_LENGTH = 200;

	private static final int TITLE_FROM_MESSAGE_LENGTH = 80;

	@Id
	private UUID id;

	private String title;

	private Instant createdAt;

	private Instant updatedAt;

	protected Conversation() {
	}

	Conversation(String title, Instant now) {
		this.id = UUID.randomUUID();
		this.title = (title == null || title.isBlank()) ? UNTITLED : clip(title.strip(), MAX_TITLE_LENGTH);
		this.createdAt = now;
		this.updatedAt = now;
	}

	public UUID getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	/** Names an untitled conversation after the first line of its first message. */
	void titleFrom(String firstMessage) {
		if (!UNTITLED.equals(this.title)) {
			return;
		}
		String firstLine = firstMessage.strip().lines().findFirst().orElse("").replaceAll("\\s+", " ");
		String shortened = clip(firstLine, TITLE_FROM_MESSAGE_LENGTH);
		this.title = shortened.isBlank() ? UNTITLED : shortened;
	}

	void touch(Instant now) {
		this.updatedAt = now;
	}

	/** Cuts at a word boundary where one is near, and says that it did. */
	private static String clip(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		String cut = text.substring(0, max - 1);
		int space = cut.lastIndexOf(' ');
		return ((space > max / 2) ? cut.substring(0, space) : cut).stripTrailing() + "…";
	}

}
