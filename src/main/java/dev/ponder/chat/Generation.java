package dev.ponder.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import dev.ponder.conversation.AnswerProgress;
import dev.ponder.conversation.Turn;
import dev.ponder.upstream.UpstreamEvent;
import dev.ponder.upstream.Usage;

/**
 * One answer being generated: it accumulates what the upstream sends and fans it out to
 * every subscriber, each of whom first gets what has arrived so far. It belongs to no
 * HTTP request.
 * <p>
 * All state is guarded by the instance's lock: deltas arrive on Netty's threads while
 * subscribers attach and checkpoints are taken on others.
 */
final class Generation {

	private final Turn turn;

	private final String model;

	private final String thinkerModel;

	private final Clock clock;

	// What every reader has been sent: the text so far, the stage, the end, and the
	// number
	// of the last event. A late reader catches up from it, as one on another instance
	// catches up from the same fold of what it reads back.
	private final AnswerState shown = new AnswerState();

	private final ReasoningDetailsBuffer details = new ReasoningDetailsBuffer();

	// Copy-on-write: a subscriber that cancels while an event is delivered leaves the
	// list mid-loop.
	private final List<Sinks.Many<AnswerEvent>> subscribers = new CopyOnWriteArrayList<>();

	private final Sinks.Empty<Void> stopSignal = Sinks.empty();

	private Instant reasoningStartedAt;

	private Instant contentStartedAt;

	private UpstreamEvent.Finished finished;

	private Usage reportedUsage;

	private boolean stopRequested;

	private boolean dirty;

	// The number of the last event published: every reader sees the same numbers.
	private long sequence;

	private final CompletableFuture<Void> ended = new CompletableFuture<>();

	private UpstreamEvent.Finished thinkerFinished;

	private Usage thinkerReportedUsage;

	Generation(Turn turn, String model, Clock clock) {
		this(turn, model, null, clock);
	}

	/**
	 * A relayed answer: {@code thinkerModel} reasons first, then {@code model} answers.
	 */
	Generation(Turn turn, String model, String thinkerModel, Clock clock) {
		this.turn = turn;
		this.model = model;
		this.thinkerModel = thinkerModel;
		this.clock = clock;
		this.shown.apply(new AnswerEvent(0, new GenerationEvent.Start(turn.conversationId(), turn.userMessageId(),
				turn.assistantMessageId(), model, turn.title(), thinkerModel)));
	}

	UUID messageId() {
		return this.turn.assistantMessageId();
	}

	/** Completes when a stop is requested: the upstream call is cancelled on it. */
	Mono<Void> stopSignal() {
		return this.stopSignal.asMono();
	}

	synchronized void requestStop() {
		this.stopRequested = true;
		this.stopSignal.tryEmitEmpty();
	}

	synchronized boolean stopRequested() {
		return this.stopRequested;
	}

	synchronized UpstreamEvent.Finished finished() {
		return this.finished;
	}

	/**
	 * The usage the answering model last reported, if any: all a failed answer has to say
	 * what it cost.
	 */
	synchronized Usage reportedUsage() {
		return this.reportedUsage;
	}

	synchronized UpstreamEvent.Finished thinkerFinished() {
		return this.thinkerFinished;
	}

	/**
	 * What the thinking model of a relay reported it used: in its summary, or, when it
	 * failed before one, in the last chunk that said.
	 */
	synchronized Usage thinkerUsage() {
		return (this.thinkerFinished != null && this.thinkerFinished.usage() != null) ? this.thinkerFinished.usage()
				: this.thinkerReportedUsage;
	}

	synchronized String reasoningText() {
		return this.shown.reasoning();
	}

	/**
	 * Tells every listener that a relayed answer has moved on to thinking, or to
	 * answering.
	 */
	synchronized void stage(String name, String stageModel) {
		publish(new GenerationEvent.Stage(name, stageModel));
	}

	/**
	 * Takes what the thinking model of a relay sends: its reasoning fills the panel; its
	 * answer is not wanted; its usage is kept apart from the answer's (in its summary).
	 */
	synchronized void acceptThinker(UpstreamEvent event) {
		if (event instanceof UpstreamEvent.Finished summary) {
			this.thinkerFinished = summary;
		}
		else if (event instanceof UpstreamEvent.UsageReported report) {
			this.thinkerReportedUsage = report.usage();
		}
		else if (!(event instanceof UpstreamEvent.Content)) {
			accept(event);
		}
	}

	synchronized void accept(UpstreamEvent event) {
		if (event instanceof UpstreamEvent.Reasoning delta) {
			appendReasoning(delta.text());
		}
		else if (event instanceof UpstreamEvent.Content delta) {
			appendContent(delta.text());
		}
		else if (event instanceof UpstreamEvent.ReasoningDetails delta) {
			this.details.add(delta.details());
			this.dirty = true;
		}
		else if (event instanceof UpstreamEvent.ContentWasReasoning) {
			moveContentToReasoning();
		}
		else if (event instanceof UpstreamEvent.Retrying retry) {
			publish(new GenerationEvent.Retrying(retry.attempt(), retry.maxAttempts(), retry.delay().toMillis(),
					retry.code(), retry.message()));
		}
		else if (event instanceof UpstreamEvent.UsageReported report) {
			this.reportedUsage = report.usage();
		}
		else if (event instanceof UpstreamEvent.Finished summary) {
			this.finished = summary;
		}
	}

	private void appendReasoning(String text) {
		if (this.reasoningStartedAt == null) {
			this.reasoningStartedAt = this.clock.instant();
		}
		this.dirty = true;
		publish(new GenerationEvent.Reasoning(text));
	}

	/**
	 * Blank text before the answer begins is dropped: models often open the answer with
	 * newlines, and the answer "begins" (folding the thinking panel) only with its first
	 * visible character.
	 */
	private void appendContent(String text) {
		String visible = (this.shown.hasContent()) ? text : text.stripLeading();
		if (visible.isEmpty()) {
			return;
		}
		if (this.contentStartedAt == null) {
			this.contentStartedAt = this.clock.instant();
		}
		this.dirty = true;
		publish(new GenerationEvent.Content(visible));
	}

	private void moveContentToReasoning() {
		if (this.reasoningStartedAt == null) {
			this.reasoningStartedAt = this.contentStartedAt;
		}
		this.contentStartedAt = null;
		this.dirty = true;
		publish(new GenerationEvent.Snapshot(this.shown.reasoning() + this.shown.content(), ""));
	}

	/**
	 * The events of this answer for one more subscriber: where it stands now, then the
	 * rest live. Taking the snapshot and joining the live events under one lock means
	 * nothing is missed or sent twice.
	 */
	synchronized Flux<AnswerEvent> events() {
		List<AnswerEvent> catchUp = this.shown.catchUp();
		if (this.shown.ended()) {
			return Flux.fromIterable(catchUp);
		}
		Sinks.Many<AnswerEvent> sink = Sinks.many().unicast().onBackpressureBuffer();
		catchUp.forEach(sink::tryEmitNext);
		this.subscribers.add(sink);
		return sink.asFlux().doFinally((signal) -> unsubscribe(sink));
	}

	private synchronized void unsubscribe(Sinks.Many<AnswerEvent> sink) {
		this.subscribers.remove(sink);
	}

	/**
	 * Where the answer stands, if anything changed since the last call: idle ticks save
	 * nothing.
	 */
	synchronized Optional<AnswerProgress> progressIfChanged(ReasoningDetailsJson json) {
		if (!this.dirty) {
			return Optional.empty();
		}
		this.dirty = false;
		return Optional.of(progress(json));
	}

	/** Saves the answer again at the next tick: the last save failed. */
	synchronized void markChanged() {
		this.dirty = true;
	}

	synchronized AnswerProgress progress(ReasoningDetailsJson json) {
		return new AnswerProgress(this.shown.content(), this.shown.reasoning(),
				this.details.isEmpty() ? null : json.write(this.details.blocks()), this.reasoningStartedAt,
				this.contentStartedAt);
	}

	/** Sends the last event to every subscriber and closes their streams. */
	synchronized void end(GenerationEvent last) {
		AnswerEvent numbered = number(last);
		for (Sinks.Many<AnswerEvent> sink : this.subscribers) {
			sink.tryEmitNext(numbered);
			sink.tryEmitComplete();
		}
		this.subscribers.clear();
		this.ended.complete(null);
	}

	/** Completes once the answer is stored and its subscribers were told. */
	CompletableFuture<Void> ended() {
		return this.ended;
	}

	/** Numbers the next event and folds it into what readers have been sent. */
	private AnswerEvent number(GenerationEvent event) {
		AnswerEvent numbered = new AnswerEvent(++this.sequence, event);
		this.shown.apply(numbered);
		return numbered;
	}

	private void publish(GenerationEvent event) {
		AnswerEvent numbered = number(event);
		for (Sinks.Many<AnswerEvent> sink : this.subscribers) {
			sink.tryEmitNext(numbered);
		}
	}

}
