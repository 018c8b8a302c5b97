package dev.ponder.conversation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Ponder's export format: one or more conversations with every message of every branch
 * and everything stored about each. The same file imports back.
 *
 * @param format always {@value #FORMAT}
 * @param version the format's version, {@value #VERSION}
 * @param exportedAt when the file was written
 * @param conversations what it holds
 */
public record ExportFile(String format, Integer version, Instant exportedAt, List<Conversation> conversations) {

	public static final String FORMAT = "ponder";

	public static final int VERSION = 1;

	/** One conversation, with the branch it follows and all its messages. */
	public record Conversation(UUID id, String title, Instant createdAt, Instant updatedAt, Boolean pinned,
			UUID activeLeafId, List<Message> messages) {
	}

	/**
	 * One message with all it stored; {@code reasoningDetails} is the raw JSON the model
	 * sent.
	 */
	public record Message(UUID id, UUID parentId, Integer position, String role, String status, String content,
			String reasoning, JsonNode reasoningDetails, String model, String reasoningSetting, String provider,
			String generationId, String finishReason, String nativeFinishReason, MessageView.ErrorView error,
			Usage usage, Instant createdAt, Instant reasoningStartedAt, Instant contentStartedAt, Instant finishedAt,
			MessageView.Relay relay, MessageView.Compare compare) {
	}

	/** Tokens and cost as the upstream reported them. */
	public record Usage(Integer promptTokens, Integer completionTokens, Integer reasoningTokens, BigDecimal cost) {
	}

}
