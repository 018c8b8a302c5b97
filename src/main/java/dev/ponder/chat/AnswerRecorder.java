package dev.ponder.chat;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import org.springframework.stereotype.Component;

import dev.ponder.conversation.AnswerOutcome;
import dev.ponder.conversation.AnswerProgress;
import dev.ponder.conversation.MessageService;
import dev.ponder.conversation.MessageStatus;
import dev.ponder.conversation.AnswerSummary;
import dev.ponder.conversation.MessageView;
import dev.ponder.conversation.NotFoundException;
import dev.ponder.openrouter.UpstreamEvent;
import dev.ponder.openrouter.UpstreamException;

/**
 * Stores a generation: its checkpoints while it streams and its end, and tells what a
 * stored answer looks like as events, so that the live stream and a replay end the same
 * way.
 */
@Component
class AnswerRecorder {

	private static final Logger logger = LoggerFactory.getLogger(AnswerRecorder.class);

	private final MessageService messages;

	private final ReasoningDetailsJson detailsJson;

	private final Clock clock;

	AnswerRecorder(MessageService messages, ReasoningDetailsJson detailsJson, Clock clock) {
		this.messages = messages;
		this.detailsJson = detailsJson;
		this.clock = clock;
	}

	/** Saves what arrived since the last checkpoint, if anything did. */
	void checkpoint(Generation generation) {
		if (generation.takeDirty()) {
			this.messages.checkpoint(generation.messageId(), generation.progress(this.detailsJson));
		}
	}

	/**
	 * Stores how the generation ended and returns the event that tells its subscribers.
	 */
	GenerationEvent finish(Generation generation, Throwable failure) {
		AnswerOutcome outcome = outcome(generation, failure);
		this.messages.finish(generation.messageId(), outcome);
		return this.messages.find(generation.messageId())
			.map(AnswerRecorder::ending)
			.orElseThrow(() -> NotFoundException.message(generation.messageId()));
	}

	/** A stored answer as the events a subscriber would have seen. */
	Flux<GenerationEvent> replay(MessageView answer) {
		GenerationEvent start = new GenerationEvent.Start(answer.conversationId(), answer.parentId(), answer.id(),
				answer.model(), null);
		GenerationEvent snapshot = new GenerationEvent.Snapshot(answer.reasoning(), answer.content());
		return Flux.just(start, snapshot, ending(answer));
	}

	private AnswerOutcome outcome(Generation generation, Throwable failure) {
		AnswerProgress progress = generation.progress(this.detailsJson);
		UpstreamEvent.Finished finished = generation.finished();
		if (failure != null) {
			UpstreamException cause = asUpstreamFailure(failure);
			return new AnswerOutcome(MessageStatus.FAILED, progress, null, null, "error", null, null, null, null, null,
					cause.code(), cause.getMessage(), this.clock.instant());
		}
		if (finished == null) {
			return new AnswerOutcome(MessageStatus.STOPPED, progress, null, null, null, null, null, null, null, null,
					null, null, this.clock.instant());
		}
		var usage = finished.usage();
		return new AnswerOutcome(MessageStatus.COMPLETE, progress, finished.provider(), finished.generationId(),
				finished.finishReason(), finished.nativeFinishReason(), (usage != null) ? usage.promptTokens() : null,
				(usage != null) ? usage.completionTokens() : null, (usage != null) ? usage.reasoningTokens() : null,
				(usage != null) ? usage.cost() : null, null, null, this.clock.instant());
	}

	private static UpstreamException asUpstreamFailure(Throwable failure) {
		if (failure instanceof UpstreamException upstream) {
			return upstream;
		}
		// Not the upstream's fault: log the details here, and store only a plain
		// sentence.
		logger.error("Generation failed inside Ponder", failure);
		return new UpstreamException.ProviderFailed("Ponder hit an unexpected error while streaming");
	}

	/** The last event of a stored answer: done, or the error it failed with. */
	static GenerationEvent ending(MessageView answer) {
		if (answer.status() == MessageStatus.FAILED) {
			String code = (answer.error() != null) ? answer.error().code() : "failed";
			String message = (answer.error() != null) ? answer.error().message() : "The answer failed.";
			return new GenerationEvent.Error(code, message, UpstreamException.isRetryable(code));
		}
		return new GenerationEvent.Done(answer.status(), answer.usage(), answer.thinkingMillis(), answer.totalMillis(),
				answer.finishReason(), AnswerSummary.thinking(answer), AnswerSummary.meta(answer));
	}

}
