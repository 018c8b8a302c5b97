package dev.ponder.conversation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A conversation as the sidebar and the list endpoint show it, and as creating, changing
 * or restoring one answers.
 *
 * @param systemPrompt the instructions sent first on every turn, in the answer to a
 * create or a change only (empty, written as {@code null}, for none); {@code null}, and
 * not written at all, in a list: a prompt may be long, and a list has many conversations
 * @param carryReasoning whether earlier answers' reasoning goes back upstream with them
 * @param madeThroughApi whether it was asked through the OpenAI-compatible API
 */
public record ConversationSummary(UUID id, String title, Instant createdAt, Instant updatedAt, boolean pinned,
		@JsonInclude(JsonInclude.Include.NON_NULL) Optional<String> systemPrompt, boolean carryReasoning,
		boolean madeThroughApi) {

	/** The conversation with its system prompt: the answer to a create or a change. */
	static ConversationSummary of(Conversation conversation) {
		return new ConversationSummary(conversation.getId(), conversation.getTitle(), conversation.getCreatedAt(),
				conversation.getUpdatedAt(), conversation.isPinned(),
				Optional.ofNullable(conversation.getSystemPrompt()), conversation.isCarryReasoning(),
				conversation.isMadeThroughApi());
	}

	/** The conversation as a list shows it, without its system prompt. */
	static ConversationSummary listed(Conversation conversation) {
		return new ConversationSummary(conversation.getId(), conversation.getTitle(), conversation.getCreatedAt(),
				conversation.getUpdatedAt(), conversation.isPinned(), null, conversation.isCarryReasoning(),
				conversation.isMadeThroughApi());
	}

}
