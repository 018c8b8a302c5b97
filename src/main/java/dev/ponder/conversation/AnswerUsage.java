package dev.ponder.conversation;

import java.math.BigDecimal;
import java.time.Instant;

/** What one finished answer used, and when it was asked for. */
public record AnswerUsage(Instant createdAt, BigDecimal cost, Integer promptTokens, Integer completionTokens,
		Integer reasoningTokens) {
}
