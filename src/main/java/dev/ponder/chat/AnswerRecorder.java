package dev.ponder.chat;

import java.time.Clock;
import java.time.Instant;

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
import dev.ponder.conversation.TokenUsage;
import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;
import dev.ponder.upstream.UpstreamEvent;
import dev.ponder.upstream.Usage;

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
		AnswerOutcome outcome = ended(generation.progress(this.detailsJson), generation.finished(),
				generation.reportedUsage(), failure, this.clock.instant());
		UpstreamEvent.Finished thinker = generation.thinkerFinished();
		Usage thinkerUsage = generation.thinkerUsage();
		if (thinker == null && thinkerUsage == null) {
			return outcome;
		}
		return outcome.relayedFrom(
				new AnswerOutcome.Thinker((thinker != null) ? thinker.provider() : null, tokenUsage(thinkerUsage)));
	}

	private static AnswerOutcome ended(AnswerProgress progress, UpstreamEvent.Finished finished, Usage spent,
			Throwable failure, Instant now) {
		if (failure != null) {
			Failure cause = describe(failure);
			// What the model was paid for before it failed, when it said so.
			return AnswerOutcome.failed(progress, tokenUsage(spent), cause.code(), cause.message(), now);
		}
		if (finished == null) {
			return AnswerOutcome.stopped(progress, now);
		}
		AnswerOutcome.Served served = new AnswerOutcome.Served(finished.provider(), finished.generationId(),
				finished.finishReason(), finished.nativeFinishReason());
		return AnswerOutcome.completed(progress, served, tokenUsage(finished.usage()), now);
	}

	/** The upstream's usage report as stored; none when it sent none. */
	private static TokenUsage tokenUsage(Usage usage) {
		return (usage != null)
				? new TokenUsage(usage.promptTokens(), usage.completionTokens(), usage.reasoningTokens(), usage.cost())
				: TokenUsage.NONE;
	}

	private static Failure describe(Throwable failure) {
		if (failure instanceof ProblemException problem) {
			return new Failure(problem.errorCode().code(), problem.getMessage());
		}
		// Not the upstream's fault: log the details here, and store only a plain
		// sentence.
		logger.error("Generation failed inside Ponder", failure);
		return new Failure(ErrorCode.PROVIDER_FAILED.code(),
				"Ponder hit an unexpected error while streaming. Try again.");
	}

	private record Failure(String code, String message) {
	}

	/** The last event of a stored answer: done, or the error it failed with. */
	static GenerationEvent ending(MessageView answer) {
		if (answer.status() == MessageStatus.FAILED) {
			// An imported answer may have failed without saying why.
			String code = (answer.error() != null) ? answer.error().code() : ErrorCode.PROVIDER_FAILED.code();
			String message = (answer.error() != null) ? answer.error().message() : "The answer failed.";
			return new GenerationEvent.Error(code, message, ErrorCode.of(code).map(ErrorCode::retryable).orElse(false));
		}
		return new GenerationEvent.Done(answer.status(), answer.usage(), answer.thinkingMillis(), answer.totalMillis(),
				answer.finishReason(), AnswerSummary.thinking(answer), AnswerSummary.meta(answer),
				(answer.relay() != null) ? answer.relay().thinkerUsage() : null);
	}

}
