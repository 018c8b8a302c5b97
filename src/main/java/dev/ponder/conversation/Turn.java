package dev.ponder.conversation;

import java.util.List;
import java.util.Objects;
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
 * @param systemPrompt the conversation's instructions, sent first, or {@code null}
 * @param parameters the sampling set-up the answer is asked with
 */
public record Turn(UUID conversationId, String title, UUID userMessageId, UUID assistantMessageId, String model,
		String endpoint, List<HistoryEntry> history, String systemPrompt, AnswerParameters parameters) {

	/**
	 * One earlier turn: its text and, for a question, its files; for an answer, its
	 * reasoning when the conversation lets the model see it.
	 *
	 * @param reasoning what an earlier answer thought, or {@code null}: always for a
	 * question, and for every answer unless the conversation carries reasoning
	 */
	public record HistoryEntry(MessageRole role, String content, List<AttachmentView> attachments,
			EarlierReasoning reasoning) {

		public HistoryEntry {
			attachments = (attachments != null) ? List.copyOf(attachments) : List.of();
		}

		/** A turn sent without reasoning. */
		public HistoryEntry(MessageRole role, String content, List<AttachmentView> attachments) {
			this(role, content, attachments, null);
		}

		/** A turn without files. */
		public HistoryEntry(MessageRole role, String content) {
			this(role, content, List.of());
		}

	}

	/**
	 * An earlier answer's reasoning, as stored, and the model that produced it (a relay's
	 * thinker, not its answerer).
	 *
	 * @param text the readable reasoning, possibly empty
	 * @param details the raw {@code reasoning_details} JSON array, or {@code null}
	 * @param endpoint the endpoint the model was asked on
	 * @param model the model that thought it
	 */
	public record EarlierReasoning(String text, String details, String endpoint, String model) {

		/** Whether there is anything of it a person could read. */
		public boolean hasText() {
			return this.text != null && !this.text.isBlank();
		}

		/**
		 * Whether {@code model} on {@code endpoint} produced it: only that model may be
		 * given its details back, since their signatures and encrypted blocks are bound
		 * to the model that made them.
		 */
		public boolean cameFrom(String endpoint, String model) {
			return Objects.equals(this.endpoint, endpoint) && Objects.equals(this.model, model);
		}

		/**
		 * Whether any of it goes to {@code model} on {@code endpoint}: the text goes to
		 * any model, the details only to their own.
		 */
		public boolean reaches(String endpoint, String model) {
			return hasText() || (this.details != null && cameFrom(endpoint, model));
		}

	}

}
