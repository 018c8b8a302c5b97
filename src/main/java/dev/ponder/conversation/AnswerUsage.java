package dev.ponder.conversation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What one finished answer used, and when it was asked for; a relayed answer's tokens
 * include its thinker's, as its cost does.
 *
 * @param reasoningCost the part of the cost that paid for reasoning (see
 * {@link ReasoningCost}), {@code null} where unknown
 */
public record AnswerUsage(Instant createdAt, BigDecimal cost, Integer promptTokens, Integer completionTokens,
		Integer reasoningTokens, BigDecimal reasoningCost) {

	/** Whether what its reasoning cost is unknown. */
	public boolean isReasoningCostUnknown() {
		return this.reasoningCost == null;
	}

}
