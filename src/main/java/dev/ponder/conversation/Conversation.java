package dev.ponder.conversation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

import dev.ponder.persistence.NewUntilStored;

/**
 * A conversation: a titled thread of messages.
 */
@Entity
// Only changed columns are written: an answer ending (which touches updated_at) must not
// write back
// a stale title or branch that a request changed meanwhile.
@DynamicUpdate
@Table(name = "conversation")
public class Conversation extends NewUntilStored<UUID> {

	/** The title a conversation has until its first message names it. */
	public static final String UNTITLED = "New chat";

	/** The title left to a call through the API made not to be saved. */
	static final String NOT_KEPT = "Not saved";

	static final int MAX_TITLE_LENGTH = 200;

	/** The longest system prompt kept, in characters, as long as the longest message. */
	public static final int MAX_SYSTEM_PROMPT_LENGTH = 100_000;

	private static final int TITLE_FROM_MESSAGE_LENGTH = 80;

	@Id
	private UUID id;

	private String title;

	private Instant createdAt;

	private Instant updatedAt;

	private boolean pinned;

	private Instant deletedAt;

	private UUID activeLeafId;

	/** The account whose conversation this is; null when made with accounts off. */
	private UUID ownerId;

	private String systemPrompt;

	private boolean carryReasoning;

	/** Whether it was asked through the OpenAI-compatible API rather than the page. */
	private boolean madeThroughApi;

	/**
	 * False for a call through the API made not to be saved: never listed nor opened, its
	 * texts erased when its answer ends, its costs kept for usage.
	 */
	private boolean kept = true;

	protected Conversation() {
	}

	Conversation(UUID ownerId, String title, Instant now) {
		this.id = UUID.randomUUID();
		this.ownerId = ownerId;
		this.title = (title == null || title.isBlank()) ? UNTITLED : clip(title.strip(), MAX_TITLE_LENGTH);
		this.createdAt = now;
		this.updatedAt = now;
	}

	@Override
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

	/** Renames; the caller has checked that the title is not blank nor too long. */
	void rename(String title) {
		this.title = title.strip();
	}

	void pin(boolean pinned) {
		this.pinned = pinned;
	}

	/** Follows the branch that ends at this message from now on. */
	void follow(UUID leafId) {
		this.activeLeafId = leafId;
	}

	/** Hides the conversation at once; it is purged later unless restored first. */
	void delete(Instant now) {
		this.deletedAt = now;
	}

	void restore() {
		this.deletedAt = null;
	}

	public boolean isPinned() {
		return this.pinned;
	}

	public Instant getDeletedAt() {
		return this.deletedAt;
	}

	public UUID getActiveLeafId() {
		return this.activeLeafId;
	}

	/** The instructions sent first on every turn, or {@code null} for none. */
	public String getSystemPrompt() {
		return this.systemPrompt;
	}

	void setSystemPrompt(String systemPrompt) {
		this.systemPrompt = (systemPrompt == null || systemPrompt.isBlank()) ? null : systemPrompt.strip();
	}

	/**
	 * Whether earlier answers' reasoning goes back upstream with them: off until the
	 * person turns it on.
	 */
	public boolean isCarryReasoning() {
		return this.carryReasoning;
	}

	void setCarryReasoning(boolean carryReasoning) {
		this.carryReasoning = carryReasoning;
	}

	public UUID getOwnerId() {
		return this.ownerId;
	}

	public boolean isMadeThroughApi() {
		return this.madeThroughApi;
	}

	public boolean isKept() {
		return this.kept;
	}

	/**
	 * A conversation asked through the API. One not to be saved is never listed nor
	 * opened, and is never purged: once its answer has ended, what stays of it is what it
	 * cost, for the usage figures and spending limits.
	 */
	static Conversation throughApi(UUID ownerId, String title, String systemPrompt, boolean kept, Instant now) {
		Conversation conversation = new Conversation(ownerId, title, now);
		conversation.madeThroughApi = true;
		conversation.setSystemPrompt(systemPrompt);
		conversation.kept = kept;
		return conversation;
	}

	/**
	 * Erases what a conversation not to be saved said, once its answer has ended: the
	 * title and the instructions.
	 */
	void forget() {
		this.title = NOT_KEPT;
		this.systemPrompt = null;
	}

	/**
	 * A conversation as it was exported elsewhere, keeping its id so that importing twice
	 * is harmless.
	 */
	static Conversation imported(UUID ownerId, UUID id, String title, Instant createdAt, Instant updatedAt,
			boolean pinned, UUID activeLeafId, String systemPrompt, boolean carryReasoning) {
		Conversation conversation = new Conversation(ownerId, title, createdAt);
		conversation.id = id;
		conversation.setSystemPrompt(systemPrompt);
		conversation.carryReasoning = carryReasoning;
		conversation.updatedAt = updatedAt;
		conversation.pinned = pinned;
		conversation.activeLeafId = activeLeafId;
		return conversation;
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
