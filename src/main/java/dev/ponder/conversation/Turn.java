package dev.ponder.conversation;

import java.util.List;
import java.util.UUID;

import dev.ponder.attachment.AttachmentView;

/**
 * A person's message, stored, and the empty answer waiting for the model.
 *
 * @param conversationId the conversation
 * @param title the conversation's title, named after its first message
 * @param userMessageId the stored message of the person
 * @param assistantMessageId the answer, {@code STREAMING} until it ends
 * @param model the model asked for the answer
 * @param endpoint the endpoint that serves it
 * @param history the turns to send upstream, oldest first, ending with the person's
 * message
 */
public record Turn(UUID conversationId, String title, UUID userMessageId, UUID assistantMessageId, String model,
		String endpoint, List<HistoryEntry> history) {

	/**
	 * One earlier turn: its text and, for a question, its files. Reasoning never goes
	 * back upstream.
	 */
	public record HistoryEntry(MessageRole role, String content, List<AttachmentView> attachments) {

		public HistoryEntry {
			attachments = (attachments != null) ? List.copyOf(attachments) : List.of();
		}

		/** A turn without files. */
		public HistoryEntry(MessageRole role, String content) {
			this(role, content, List.of());
		}

	}

}
