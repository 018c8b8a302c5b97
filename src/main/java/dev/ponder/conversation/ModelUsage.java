package dev.ponder.conversation;

import java.math.BigDecimal;

/**
 * What the finished answers of one model on one endpoint used, all time. Sums are
 * {@code null} where no answer reported them.
 */
public record ModelUsage(String endpoint, String model, Long answers, BigDecimal cost, Long promptTokens,
		Long completionTokens, Long reasoningTokens) {
}
