package dev.ponder.chat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.ponder.conversation.MessageStatus;
import dev.ponder.conversation.AnswerSummary;
import dev.ponder.conversation.MessageView;

/**
 * A message as the conversation page shows it, with its summary lines already worded.
 */
public record MessageItem(UUID id, String role, String content, String reasoning, String model, String status,
		String errorCode, String errorMessage, Integer promptTokens, Integer completionTokens, Integer reasoningTokens,
		BigDecimal cost, Long thinkingMillis, Long totalMillis, String finishReason, Instant createdAt,
		boolean hasReasoning, boolean streaming, String thinkingSummary, String metaLine, String provider,
		String reasoningSetting, int siblingIndex, int siblingCount, UUID previousSiblingId, UUID nextSiblingId) {

	static MessageItem of(MessageView message) {
		return new MessageItem(message.id(), message.role(), message.content(), message.reasoning(), message.model(),
				message.status().name(), (message.error() != null) ? message.error().code() : null,
				(message.error() != null) ? message.error().message() : null, message.usage().promptTokens(),
				message.usage().completionTokens(), message.usage().reasoningTokens(), message.usage().cost(),
				message.thinkingMillis(), message.totalMillis(), message.finishReason(), message.createdAt(),
				!message.reasoning().isEmpty(), message.status() == MessageStatus.STREAMING,
				AnswerSummary.thinking(message), AnswerSummary.meta(message), message.provider(),
				message.reasoningSetting(), message.siblings().index(), message.siblings().count(),
				message.siblings().previousId(), message.siblings().nextId());
	}

}
