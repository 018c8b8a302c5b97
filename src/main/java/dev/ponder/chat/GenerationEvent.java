package dev.ponder.chat;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.ponder.conversation.MessageStatus;
import dev.ponder.conversation.TokenUsage;
import dev.ponder.problem.ErrorCode;

/**
 * What the browser (or any script) receives about one answer, one event per record. The
 * SSE event is named by {@link #name()}; the record is its JSON data.
 */
public sealed interface GenerationEvent {

	/** The SSE event name. */
	String name();

	/** Whether this is an answer's last event: nothing follows it. */
	default boolean ends() {
		return false;
	}

	/** The answer exists: which conversation, which messages, which model. */
	record Start(UUID conversationId, UUID userMessageId, UUID assistantMessageId, String model, String title,
			String thinker) implements GenerationEvent {

		@Override
		public String name() {
			return "start";
		}

	}

	/**
	 * A relayed answer moved on: {@code thinking} (the thinker's reasoning fills the
	 * panel), then {@code answering} (the answering model writes).
	 */
	record Stage(String stage, String model) implements GenerationEvent {

		@Override
		public String name() {
			return "stage";
		}

	}

	/**
	 * The model could not be asked yet (unreachable, rate limited, or no provider free)
	 * and is asked again in {@code delayMillis}: retry {@code attempt} of at most
	 * {@code maxAttempts}. Only a live reader sees it; it is not stored.
	 */
	record Retrying(int attempt, int maxAttempts, long delayMillis, String code,
			String message) implements GenerationEvent {

		@Override
		public String name() {
			return "retrying";
		}

	}

	/** More reasoning text, to append. */
	record Reasoning(String text) implements GenerationEvent {

		@Override
		public String name() {
			return "reasoning";
		}

	}

	/** More answer text, to append. */
	record Content(String text) implements GenerationEvent {

		@Override
		public String name() {
			return "content";
		}

	}

	/**
	 * Everything so far, to show instead of what was shown: first after attaching, and
	 * when text shown as answer turns out to have been reasoning.
	 */
	record Snapshot(String reasoning, String content) implements GenerationEvent {

		@Override
		public String name() {
			return "snapshot";
		}

	}

	/**
	 * The answer ended (complete or stopped) and is stored.
	 *
	 * @param usage the answering model's tokens, and the whole answer's cost (a relay's
	 * thinker's included)
	 * @param thinkerUsage a relay's thinker's own tokens and cost; left out otherwise
	 */
	record Done(MessageStatus status, TokenUsage usage, Long thinkingMillis, Long totalMillis, String finishReason,
			String thinkingSummary, String metaLine,
			@JsonInclude(JsonInclude.Include.NON_NULL) TokenUsage thinkerUsage) implements GenerationEvent {

		@Override
		public boolean ends() {
			return true;
		}

		@Override
		public String name() {
			return "done";
		}

	}

	/** The answer failed; what had arrived is stored with the error. */
	record Error(String code, String message, boolean retryable) implements GenerationEvent {

		Error(ErrorCode code, String message) {
			this(code.code(), message, code.retryable());
		}

		@Override
		public boolean ends() {
			return true;
		}

		@Override
		public String name() {
			return "error";
		}

	}

}
