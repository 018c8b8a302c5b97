package dev.ponder.attachment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.ponder.persistence.NewUntilStored;

/**
 * A file a person uploaded to go with a question: its owner's until sent, then its
 * conversation's. The bytes live in an {@link AttachmentStore}, never in this row.
 */
@Entity
@Table(name = "attachment")
public class Attachment extends NewUntilStored<UUID> {

	@Id
	private UUID id;

	private UUID ownerId;

	private UUID conversationId;

	private String name;

	private String contentType;

	@Column(name = "size_bytes")
	private long size;

	@Enumerated(EnumType.STRING)
	private AttachmentKind kind;

	private String sha256;

	private Instant createdAt;

	protected Attachment() {
	}

	Attachment(UUID id, UUID ownerId, String name, SniffedType type, long size, String sha256, Instant createdAt) {
		this.id = id;
		this.ownerId = ownerId;
		this.name = name;
		this.contentType = type.contentType();
		this.kind = type.kind();
		this.size = size;
		this.sha256 = sha256;
		this.createdAt = createdAt;
	}

	/**
	 * Sent with a question of this conversation; from then on it is the conversation's.
	 */
	void sentIn(UUID conversationId) {
		this.conversationId = conversationId;
	}

	/** Whether a question carries it: it cannot be deleted on its own any more. */
	boolean isSent() {
		return this.conversationId != null;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	public UUID getOwnerId() {
		return this.ownerId;
	}

	public UUID getConversationId() {
		return this.conversationId;
	}

	public String getName() {
		return this.name;
	}

	public String getContentType() {
		return this.contentType;
	}

	public long getSize() {
		return this.size;
	}

	public AttachmentKind getKind() {
		return this.kind;
	}

	public String getSha256() {
		return this.sha256;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
