package dev.ponder.chat;

import java.math.BigDecimal;
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
import dev.ponder.upstream.UpstreamEvent;
import dev.ponder.upstream.Usage;
import dev.ponder.upstream.UpstreamException;

/**
 * Stores a generation's end, and tells what a stored answer looks like as events, so that
 * the live stream and a replay end the same way.
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

	/**
	 * Stores how the generation ended and returns the event that tells its subscribers.
	 */
	GenerationEvent finish(Generation generation, Throwable failure) {
		AnswerOutcome outcome = outcome(generation, failure);
		return this.messages.finish(generation.messageId(), outcome)
			.map(AnswerRecorder::ending)
			.orElseThrow(() -> NotFoundException.message(generation.messageId()));
	}

	/** A stored answer as the events a subscriber would have seen. */
	Flux<AnswerEvent> replay(MessageView answer) {
		GenerationEvent start = new GenerationEvent.Start(answer.conversationId(), answer.parentId(), answer.id(),
				answer.model(), null, (answer.relay() != null) ? answer.relay().thinkerModel() : null);
		// As live: a snapshot only when there is something to show, so that a stream
		// reads the same
		// whether it joined before the answer ended or after.
		Flux<GenerationEvent> events = (answer.reasoning().isEmpty() && answer.content().isEmpty())
				? Flux.just(start, ending(answer))
				: Flux.just(start, new GenerationEvent.Snapshot(answer.reasoning(), answer.content()), ending(answer));
		// A stored answer has no live sequence to resume in.
		return events.map((event) -> new AnswerEvent(0, event));
	}

	private AnswerOutcome outcome(Generation generation, Throwable failure) {
		AnswerProgress progress = generation.progress(this.detailsJson);
		UpstreamEvent.Finished finished = generation.finished();
		AnswerOutcome.ThinkerUsage thinker = thinkerUsage(generation.thinkerFinished());
		BigDecimal thinkerCost = (thinker != null) ? thinker.cost() : null;
		if (failure != null) {
			Failure cause = describe(failure);
			// What the model was paid for before it failed, when it said so.
			Usage spent = generation.reportedUsage();
			return new AnswerOutcome(MessageStatus.FAILED, progress, null, null, "error", null,
					(spent != null) ? spent.promptTokens() : null, (spent != null) ? spent.completionTokens() : null,
					(spent != null) ? spent.reasoningTokens() : null,
					sum((spent != null) ? spent.cost() : null, thinkerCost), cause.code(), cause.message(),
					this.clock.instant(), thinker);
		}
		if (finished == null) {
			return new AnswerOutcome(MessageStatus.STOPPED, progress, null, null, null, null, null, null, null,
					thinkerCost, null, null, this.clock.instant(), thinker);
		}
		Usage usage = finished.usage();
		return new AnswerOutcome(MessageStatus.COMPLETE, progress, finished.provider(), finished.generationId(),
				finished.finishReason(), finished.nativeFinishReason(), (usage != null) ? usage.promptTokens() : null,
				(usage != null) ? usage.completionTokens() : null, (usage != null) ? usage.reasoningTokens() : null,
				sum((usage != null) ? usage.cost() : null, thinkerCost), null, null, this.clock.instant(), thinker);
	}

	private static AnswerOutcome.ThinkerUsage thinkerUsage(UpstreamEvent.Finished thinker) {
		if (thinker == null) {
			return null;
		}
		Usage usage = thinker.usage();
		return new AnswerOutcome.ThinkerUsage(thinker.provider(), (usage != null) ? usage.promptTokens() : null,
				(usage != null) ? usage.completionTokens() : null, (usage != null) ? usage.reasoningTokens() : null,
				(usage != null) ? usage.cost() : null);
	}

	/** A relayed answer costs what both models cost. */
	private static BigDecimal sum(BigDecimal answer, BigDecimal thinker) {
		if (answer == null) {
			return thinker;
		}
		return (thinker != null) ? answer.add(thinker) : answer;
	}

	private static Failure describe(Throwable failure) {
		if (failure instanceof UpstreamException upstream) {
			return new Failure(upstream.code(), upstream.getMessage());
		}
		if (failure instanceof RelayThinkerFailed thinker) {
			return new Failure(thinker.code(), thinker.getMessage());
		}
		// Not the upstream's fault: log the details here, and store only a plain
		// sentence.
		logger.error("Generation failed inside Ponder", failure);
		return new Failure("provider_failed", "Ponder hit an unexpected error while streaming. Try again.");
	}

	private record Failure(String code, String message) {
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
