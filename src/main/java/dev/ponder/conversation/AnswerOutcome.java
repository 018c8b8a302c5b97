package dev.ponder.conversation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * How an answer ended: its final text, status, the upstream's account of it, and the
 * error if it failed.
 */
public record AnswerOutcome(MessageStatus status, AnswerProgress progress, String provider, String generationId,
		String finishReason, String nativeFinishReason, Integer promptTokens, Integer completionTokens,
		Integer reasoningTokens, BigDecimal cost, String errorCode, String errorMessage, Instant finishedAt,
		ThinkerUsage thinker) {

	/** An answer that one model both thought and wrote. */
	public AnswerOutcome(MessageStatus status, AnswerProgress progress, String provider, String generationId,
			String finishReason, String nativeFinishReason, Integer promptTokens, Integer completionTokens,
			Integer reasoningTokens, BigDecimal cost, String errorCode, String errorMessage, Instant finishedAt) {
		this(status, progress, provider, generationId, finishReason, nativeFinishReason, promptTokens, completionTokens,
				reasoningTokens, cost, errorCode, errorMessage, finishedAt, null);
	}

	/**
	 * What the thinking of a relayed answer cost: another model did it, before the
	 * answer.
	 *
	 * @param provider who served the thinking model
	 * @param promptTokens its prompt tokens
	 * @param completionTokens its completion tokens
	 * @param reasoningTokens its reasoning tokens
	 * @param cost its cost in dollars
	 */
	public record ThinkerUsage(String provider, Integer promptTokens, Integer completionTokens, Integer reasoningTokens,
			BigDecimal cost) {
	}

}
