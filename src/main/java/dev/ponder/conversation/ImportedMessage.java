package dev.ponder.conversation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Every stored field of a message, as an export carries it and an import restores it.
 */
record ImportedMessage(UUID id, UUID parentId, int position, MessageRole role, MessageStatus status, String content,
		String reasoning, String reasoningDetails, String model, ReasoningSetting reasoningSetting, String provider,
		String generationId, String finishReason, String nativeFinishReason, String errorCode, String errorMessage,
		TokenUsage usage, Instant createdAt, Instant reasoningStartedAt, Instant contentStartedAt, Instant finishedAt,
		MessageView.Relay relay, MessageView.Compare compare, AnswerParameters parameters, BigDecimal reasoningCost,
		boolean carriedReasoning) {
}
