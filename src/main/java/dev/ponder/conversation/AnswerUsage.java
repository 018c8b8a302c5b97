package dev.ponder.conversation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What one finished answer used, and when it was asked for.
 *
 * @param thinkerReasoningTokens what a relay's thinker reasoned, or {@code null}
 * @param storedReasoningCost the part of the cost that paid for reasoning, as stored (see
 * {@link ReasoningCost})
 */
public record AnswerUsage(Instant createdAt, BigDecimal cost, Integer promptTokens, Integer completionTokens,
		Integer reasoningTokens, Integer thinkerReasoningTokens, BigDecimal storedReasoningCost) {

	/**
	 * What its reasoning cost: zero if it did not reason, {@code null} where it reasoned
	 * at an unknown price.
	 */
	public BigDecimal reasoningCost() {
		return isReasoningCostUnknown() ? null
				: (this.storedReasoningCost != null) ? this.storedReasoningCost : BigDecimal.ZERO;
	}

	/** Whether it reasoned at a price nobody knows. */
	public boolean isReasoningCostUnknown() {
		return ReasoningCost.isUnknown(this.storedReasoningCost, this.reasoningTokens, this.thinkerReasoningTokens);
	}

}
