package dev.ponder.share;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.ponder.conversation.SharedConversations.Moment;
import dev.ponder.persistence.NewUntilStored;

/**
 * A read-only link to a conversation as it was when shared: the path from its first
 * message to {@link #leafMessageId} under the title of that moment. Sharing again moves
 * the same link (same token) to the conversation as it is then.
 */
@Entity
@Table(name = "share_link")
class ShareLink extends NewUntilStored<String> {

	@Id
	private String token;

	/** The account whose link this is; null when made with accounts off. */
	private UUID ownerId;

	private UUID conversationId;

	/** The last message shown; null for a conversation shared before its first one. */
	private UUID leafMessageId;

	private String title;

	private boolean showCosts;

	private Instant createdAt;

	private Instant updatedAt;

	protected ShareLink() {
	}

	ShareLink(String token, UUID ownerId, UUID conversationId, Moment moment, boolean showCosts, Instant now) {
		this.token = token;
		this.ownerId = ownerId;
		this.conversationId = conversationId;
		this.createdAt = now;
		refresh(moment, showCosts, now);
	}

	/** Shows or hides the answers' costs, leaving the snapshot where it is. */
	void showCosts(boolean showCosts) {
		this.showCosts = showCosts;
	}

	/** Points the link at the conversation as it is now. */
	void refresh(Moment moment, boolean showCosts, Instant now) {
		this.leafMessageId = moment.leafId();
		this.title = moment.title();
		this.showCosts = showCosts;
		this.updatedAt = now;
	}

	@Override
	public String getId() {
		return this.token;
	}

	String getToken() {
		return this.token;
	}

	UUID getOwnerId() {
		return this.ownerId;
	}

	UUID getConversationId() {
		return this.conversationId;
	}

	UUID getLeafMessageId() {
		return this.leafMessageId;
	}

	String getTitle() {
		return this.title;
	}

	boolean isShowCosts() {
		return this.showCosts;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
