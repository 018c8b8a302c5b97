package dev.ponder.conversation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How an answer ended: its final text, status, the upstream's account of it, and the
 * error if it failed.
 */
public record AnswerOutcome(MessageStatus status, AnswerProgress progress, String provider, String generationId,
		String finishReason, String nativeFinishReason, Integer promptTokens, Integer completionTokens,
		Integer reasoningTokens, BigDecimal cost, String errorCode, String errorMessage, Instant finishedAt) {
}
