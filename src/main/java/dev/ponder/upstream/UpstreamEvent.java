package dev.ponder.upstream;

import java.time.Duration;
import java.util.List;

/**
 * What an upstream stream means to Ponder, whatever wire shape carried it: reasoning and
 * content deltas, the raw reasoning details to keep, the usage reported, and the summary
 * that ends a stream.
 */
public sealed interface UpstreamEvent {

	/** More reasoning text, readable by a person. */
	record Reasoning(String text) implements UpstreamEvent {
	}

	/** More answer text. */
	record Content(String text) implements UpstreamEvent {
	}

	/**
	 * Raw {@code reasoning_details} as they arrived (including encrypted blocks), kept so
	 * that they can be stored and, for models that need them, sent back.
	 */
	record ReasoningDetails(List<ReasoningDetail> details) implements UpstreamEvent {
	}

	/**
	 * Everything reported as content so far was in fact reasoning: the stream began
	 * inside a {@code <think>} block that the chat template had opened in the prompt, and
	 * only the closing tag arrived.
	 */
	record ContentWasReasoning() implements UpstreamEvent {
	}

	/**
	 * A chunk reported the generation's usage so far: the last one counts, whether the
	 * answer then finishes or fails (an error chunk may carry the usage of a paid
	 * answer).
	 */
	record UsageReported(Usage usage) implements UpstreamEvent {
	}

	/**
	 * The call never started (no connection, or a 429, 502 or 503 before the answer) and
	 * is tried again after {@code delay}.
	 *
	 * @param attempt which retry this is, from 1
	 * @param maxAttempts how many retries there may be
	 * @param delay how long until it is made
	 * @param code why, as the error's code
	 * @param message why, in a sentence
	 */
	record Retrying(int attempt, int maxAttempts, Duration delay, String code,
			String message) implements UpstreamEvent {
	}

	/** The stream ended normally; what the last chunks said about it. */
	record Finished(String generationId, String provider, String model, String finishReason, String nativeFinishReason,
			Usage usage) implements UpstreamEvent {
	}

}
