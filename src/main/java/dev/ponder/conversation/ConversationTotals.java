package dev.ponder.conversation;

import java.math.BigDecimal;
import java.util.List;

/**
 * What every answer of a conversation (every branch: all were paid for) used and cost
 * together, and the share of the cost that paid for reasoning.
 *
 * @param promptTokens tokens sent (a relay's thinker's included, as its cost is)
 * @param completionTokens tokens received, reasoning included
 * @param reasoningTokens of which reasoning
 * @param cost US dollars, as the upstreams reported; {@code null} where none did
 * @param reasoningCost of which reasoning, estimated (see {@link ReasoningCost}); the
 * answers whose price is unknown add nothing
 * @param reasoningCostUnknown how many answers' reasoning cost is unknown
 */
public record ConversationTotals(Integer promptTokens, Integer completionTokens, Integer reasoningTokens,
		BigDecimal cost, BigDecimal reasoningCost, int reasoningCostUnknown) {

	static ConversationTotals of(List<Message> all) {
		TokenUsage usage = all.stream()
			.map((message) -> message.getUsage().plus(tokensOnly(message.getThinkerUsage())))
			.reduce(TokenUsage.ZERO, TokenUsage::plus);
		BigDecimal reasoningCost = BigDecimal.ZERO;
		int unknown = 0;
		for (Message message : all) {
			if (message.getRole() != MessageRole.ASSISTANT || message.getStatus() == MessageStatus.STREAMING) {
				// A streaming answer's reasoning cost is reckoned when it ends.
				continue;
			}
			BigDecimal part = message.getReasoningCost();
			if (part != null) {
				reasoningCost = reasoningCost.add(part);
			}
			else {
				unknown++;
			}
		}
		return new ConversationTotals(usage.promptTokens(), usage.completionTokens(), usage.reasoningTokens(),
				usage.cost(), ReasoningCost.shown(reasoningCost), unknown);
	}

	/** A thinker's tokens: its cost is already in its answer's. */
	private static TokenUsage tokensOnly(TokenUsage thinker) {
		return new TokenUsage(thinker.promptTokens(), thinker.completionTokens(), thinker.reasoningTokens(), null);
	}

}
