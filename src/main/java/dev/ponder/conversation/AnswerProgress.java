package dev.ponder.conversation;

import java.time.Instant;

/**
 * What an answer holds at one moment while it streams: the text so far and when each part
 * began.
 *
 * @param content the answer so far
 * @param reasoning the readable reasoning so far
 * @param reasoningDetails the raw reasoning details as a JSON array, or {@code null}
 * @param reasoningStartedAt when the first reasoning arrived, or {@code null}
 * @param contentStartedAt when the first answer text arrived, or {@code null}
 */
public record AnswerProgress(String content, String reasoning, String reasoningDetails, Instant reasoningStartedAt,
		Instant contentStartedAt) {
}
