package dev.ponder.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ponder.attachment.AttachmentView;
import dev.ponder.conversation.MessageStatus;
import dev.ponder.conversation.MessageView;
import dev.ponder.conversation.ReasoningSetting;

/**
 * A message as the conversation page shows it: the stored message, its summary lines
 * already worded, and, for an answer of a compare, every column of it side by side. The
 * accessors below are the names the templates read.
 *
 * @param message the stored message
 * @param thinkingSummary the thinking panel's folded summary, or {@code null}
 * @param metaLine the line under an answer, or {@code null}
 * @param compareColumns the answers of its compare in column order; empty for any other
 * message
 */
public record MessageItem(MessageView message, String thinkingSummary, String metaLine,
		List<MessageItem> compareColumns) {

	static MessageItem of(MessageView message) {
		return of(message, List.of());
	}

	/** An answer of a compare, with every column of it. */
	static MessageItem of(MessageView message, List<MessageView> columns) {
		return new MessageItem(message, message.thinkingSummary(), message.metaLine(),
				columns.stream().map(MessageItem::of).toList());
	}

	public UUID id() {
		return this.message.id();
	}

	public String role() {
		return this.message.role();
	}

	public String status() {
		return this.message.status().name();
	}

	public boolean streaming() {
		return this.message.status() == MessageStatus.STREAMING;
	}

	public String content() {
		return this.message.content();
	}

	public String reasoning() {
		return this.message.reasoning();
	}

	public boolean hasReasoning() {
		return !this.message.reasoning().isEmpty();
	}

	public String endpoint() {
		return this.message.endpoint();
	}

	public String model() {
		return this.message.model();
	}

	public String provider() {
		return this.message.provider();
	}

	/** The files a question carries, in the order sent. */
	public List<AttachmentView> attachments() {
		return this.message.attachments();
	}

	public ReasoningSetting reasoningAsked() {
		return this.message.reasoningAsked();
	}

	public String thinkerModel() {
		return (this.message.relay() != null) ? this.message.relay().thinkerModel() : null;
	}

	public String finishReason() {
		return this.message.finishReason();
	}

	public String errorMessage() {
		return (this.message.error() != null) ? this.message.error().message() : null;
	}

	public Instant createdAt() {
		return this.message.createdAt();
	}

	public Long totalMillis() {
		return this.message.totalMillis();
	}

	public int siblingIndex() {
		return this.message.siblings().index();
	}

	public int siblingCount() {
		return this.message.siblings().count();
	}

	public UUID previousSiblingId() {
		return this.message.siblings().previousId();
	}

	public UUID nextSiblingId() {
		return this.message.siblings().nextId();
	}

	public Integer compareColumn() {
		return (this.message.compare() != null) ? this.message.compare().column() : null;
	}

}
