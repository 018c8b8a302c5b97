package dev.ponder.conversation;

import java.time.Instant;

/**
 * How an answer ended: its final text, status, the upstream's account of it, what it
 * used, and the error if it failed. Made by {@link #completed}, {@link #stopped} or
 * {@link #failed}, and {@link #relayedFrom} for an answer another model thought for.
 *
 * @param status how it ended
 * @param progress the text and reasoning that arrived
 * @param served the upstream's account of a completed answer, or {@link Served#NONE}
 * @param usage what the answer used, its thinker's cost included
 * @param error why it failed, or {@code null}
 * @param finishedAt when it ended
 * @param thinker what the thinking of a relayed answer used, or {@code null}
 */
public record AnswerOutcome(MessageStatus status, AnswerProgress progress, Served served, TokenUsage usage,
		MessageView.ErrorView error, Instant finishedAt, Thinker thinker) {

	public AnswerOutcome {
		served = (served != null) ? served : Served.NONE;
		usage = (usage != null) ? usage : TokenUsage.NONE;
	}

	/** The finish reason stored with a failed answer. */
	static final String FAILED_FINISH_REASON = "error";

	/** An answer the upstream finished, with its account of it. */
	public static AnswerOutcome completed(AnswerProgress progress, Served served, TokenUsage usage,
			Instant finishedAt) {
		return new AnswerOutcome(MessageStatus.COMPLETE, progress, served, usage, null, finishedAt, null);
	}

	/** An answer stopped before it finished: what had arrived is kept. */
	public static AnswerOutcome stopped(AnswerProgress progress, Instant finishedAt) {
		return new AnswerOutcome(MessageStatus.STOPPED, progress, Served.NONE, TokenUsage.NONE, null, finishedAt, null);
	}

	/**
	 * An answer that failed, with the usage that arrived before it did (a paid failure
	 * still costs).
	 */
	public static AnswerOutcome failed(AnswerProgress progress, TokenUsage usage, String code, String message,
			Instant finishedAt) {
		return new AnswerOutcome(MessageStatus.FAILED, progress, new Served(null, null, FAILED_FINISH_REASON, null),
				usage, new MessageView.ErrorView(code, message), finishedAt, null);
	}

	/**
	 * The same outcome for an answer whose thinking another model did: a relayed answer
	 * costs what both models cost.
	 */
	public AnswerOutcome relayedFrom(Thinker thinker) {
		if (thinker == null) {
			return this;
		}
		return new AnswerOutcome(this.status, this.progress, this.served, this.usage.plusCost(thinker.usage().cost()),
				this.error, this.finishedAt, thinker);
	}

	/**
	 * The upstream's account of an answer.
	 *
	 * @param provider who served the model
	 * @param generationId the upstream's id of the generation
	 * @param finishReason why it ended, in OpenAI's words
	 * @param nativeFinishReason why it ended, in the provider's words
	 */
	public record Served(String provider, String generationId, String finishReason, String nativeFinishReason) {

		/** No account: the answer did not finish. */
		public static final Served NONE = new Served(null, null, null, null);

	}

	/**
	 * What the thinking of a relayed answer used: another model did it, before the
	 * answer.
	 *
	 * @param provider who served the thinking model
	 * @param usage its tokens and cost
	 */
	public record Thinker(String provider, TokenUsage usage) {
	}

}
