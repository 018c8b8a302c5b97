package dev.ponder.conversation;

import java.math.BigDecimal;

/**
 * What the finished answers of one model on one endpoint used, all time. Sums are
 * {@code null} where no answer reported them.
 *
 * @param reasoningCost the part of the cost that paid for reasoning, relayed thinking
 * included (see {@link ReasoningCost}), of the answers whose price is known
 * @param reasoningCostUnknown how many answers reasoned at a price nobody knows
 */
public record ModelUsage(String endpoint, String model, Long answers, BigDecimal cost, Long promptTokens,
		Long completionTokens, Long reasoningTokens, BigDecimal reasoningCost, Long reasoningCostUnknown) {
}
