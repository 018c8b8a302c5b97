package dev.ponder.conversation;

import java.math.BigDecimal;
import java.util.List;

/**
 * What every answer of a conversation (every branch: all were paid for) used and cost
 * together, and the share of the cost that paid for reasoning.
 *
 * @param promptTokens tokens sent
 * @param completionTokens tokens received, reasoning included
 * @param reasoningTokens of which reasoning
 * @param cost US dollars, as the upstreams reported; {@code null} where none did
 * @param reasoningCost of which reasoning, estimated (see {@link ReasoningCost}); the
 * answers whose price is unknown add nothing
 * @param reasoningCostUnknown how many answers reasoned at a price nobody knows
 */
public record ConversationTotals(Integer promptTokens, Integer completionTokens, Integer reasoningTokens,
		BigDecimal cost, BigDecimal reasoningCost, int reasoningCostUnknown) {

	static ConversationTotals of(List<Message> all) {
		TokenUsage usage = all.stream().map(Message::getUsage).reduce(TokenUsage.ZERO, TokenUsage::plus);
		BigDecimal reasoningCost = BigDecimal.ZERO;
		int unknown = 0;
		for (Message message : all) {
			if (message.getRole() != MessageRole.ASSISTANT) {
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
				usage.cost(), reasoningCost, unknown);
	}

}
