package dev.ponder.attachment;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/** One file carried by one question, at its place among the question's files. */
@Entity
@Table(name = "message_attachment")
@IdClass(MessageAttachment.Key.class)
class MessageAttachment implements Persistable<MessageAttachment.Key> {

	@Id
	private UUID messageId;

	@Id
	private UUID attachmentId;

	private int position;

	@Transient
	private boolean stored;

	protected MessageAttachment() {
	}

	MessageAttachment(UUID messageId, UUID attachmentId, int position) {
		this.messageId = messageId;
		this.attachmentId = attachmentId;
		this.position = position;
	}

	@Override
	public Key getId() {
		return new Key(this.messageId, this.attachmentId);
	}

	@Override
	public boolean isNew() {
		return !this.stored;
	}

	@PostPersist
	@PostLoad
	void stored() {
		this.stored = true;
	}

	UUID getMessageId() {
		return this.messageId;
	}

	UUID getAttachmentId() {
		return this.attachmentId;
	}

	int getPosition() {
		return this.position;
	}

	/** The composite id: a question and one of its files. */
	record Key(UUID messageId, UUID attachmentId) implements Serializable {
	}

}
