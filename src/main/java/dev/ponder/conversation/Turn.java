package dev.ponder.conversation;

import java.util.List;
import java.util.UUID;

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

	/** One earlier turn as plain text: reasoning never goes back upstream. */
	public record HistoryEntry(MessageRole role, String content) {
	}

}
