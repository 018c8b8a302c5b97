package dev.ponder.attachment;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import dev.ponder.persistence.NewUntilStored;

/** One file carried by one question, at its place among the question's files. */
@Entity
@Table(name = "message_attachment")
@IdClass(MessageAttachment.Key.class)
class MessageAttachment extends NewUntilStored<MessageAttachment.Key> {

	@Id
	private UUID messageId;

	@Id
	private UUID attachmentId;

	private int position;

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
