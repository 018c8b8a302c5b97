package dev.ponder.conversation;

import java.math.BigDecimal;

/**
 * What an answer cost, in tokens and dollars, as far as the upstream reported it.
 */
public record UsageView(Integer promptTokens, Integer completionTokens, Integer reasoningTokens, BigDecimal cost) {
}
