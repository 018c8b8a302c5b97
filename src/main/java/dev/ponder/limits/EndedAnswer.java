package dev.ponder.limits;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.ponder.conversation.MessageView;

/**
 * An answer that ended, as far as the ledger goes: whose conversation, when asked, of
 * which model, how much it wrote, and what the upstream said it cost, if it said.
 *
 * @param id the answer
 * @param conversationId its conversation, whose owner pays
 * @param at when it was asked for
 * @param endpoint the endpoint that served it
 * @param model the model that wrote its content
 * @param thinker a relay's thinking model, which wrote its reasoning, or {@code null}
 * @param reasoningCharacters the length of the reasoning written
 * @param contentCharacters the length of the content written
 * @param cost the cost the upstream reported, or {@code null}
 */
record EndedAnswer(UUID id, UUID conversationId, Instant at, String endpoint, String model, String thinker,
		long reasoningCharacters, long contentCharacters, BigDecimal cost) {

	static EndedAnswer of(MessageView answer) {
		return new EndedAnswer(answer.id(), answer.conversationId(), answer.createdAt(), answer.endpoint(),
				answer.model(), (answer.relay() != null) ? answer.relay().thinkerModel() : null,
				length(answer.reasoning()), length(answer.content()),
				(answer.usage() != null) ? answer.usage().cost() : null);
	}

	private static long length(String text) {
		return (text != null) ? text.length() : 0;
	}

}
