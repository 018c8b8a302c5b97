package dev.ponder.chat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
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
		String reasoningSetting, int siblingIndex, int siblingCount, UUID previousSiblingId, UUID nextSiblingId,
		String thinkerModel, Integer compareColumn, List<MessageItem> compareColumns, String endpoint) {

	static MessageItem of(MessageView message) {
		return new MessageItem(message.id(), message.role(), message.content(), message.reasoning(), message.model(),
				message.status().name(), (message.error() != null) ? message.error().code() : null,
				(message.error() != null) ? message.error().message() : null, message.usage().promptTokens(),
				message.usage().completionTokens(), message.usage().reasoningTokens(), message.usage().cost(),
				message.thinkingMillis(), message.totalMillis(), message.finishReason(), message.createdAt(),
				!message.reasoning().isEmpty(), message.status() == MessageStatus.STREAMING,
				AnswerSummary.thinking(message), AnswerSummary.meta(message), message.provider(),
				message.reasoningSetting(), message.siblings().index(), message.siblings().count(),
				message.siblings().previousId(), message.siblings().nextId(),
				(message.relay() != null) ? message.relay().thinkerModel() : null,
				(message.compare() != null) ? message.compare().column() : null, List.of(), message.endpoint());
	}

	/** An answer of a compare, with every column of it, side by side. */
	static MessageItem of(MessageView message, List<MessageView> columns) {
		MessageItem item = of(message);
		return new MessageItem(item.id(), item.role(), item.content(), item.reasoning(), item.model(), item.status(),
				item.errorCode(), item.errorMessage(), item.promptTokens(), item.completionTokens(),
				item.reasoningTokens(), item.cost(), item.thinkingMillis(), item.totalMillis(), item.finishReason(),
				item.createdAt(), item.hasReasoning(), item.streaming(), item.thinkingSummary(), item.metaLine(),
				item.provider(), item.reasoningSetting(), item.siblingIndex(), item.siblingCount(),
				item.previousSiblingId(), item.nextSiblingId(), item.thinkerModel(), item.compareColumn(),
				columns.stream().map(MessageItem::of).toList(), item.endpoint());
	}

}
