package dev.ponder.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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

	private final StringBuilder reasoning = new StringBuilder();

	private final StringBuilder content = new StringBuilder();

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

	private GenerationEvent ending;

	// The number of the last event published: every reader sees the same numbers.
	private long sequence;

	private final CompletableFuture<Void> ended = new CompletableFuture<>();

	private UpstreamEvent.Finished thinkerFinished;

	private GenerationEvent.Stage stage;

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

	synchronized String reasoningText() {
		return this.reasoning.toString();
	}

	/**
	 * Tells every listener that a relayed answer has moved on to thinking, or to
	 * answering.
	 */
	synchronized void stage(String name, String stageModel) {
		this.stage = new GenerationEvent.Stage(name, stageModel);
		publish(this.stage);
	}

	/**
	 * Takes what the thinking model of a relay sends: its reasoning fills the panel; its
	 * answer is not wanted; its usage is kept apart from the answer's (in its summary).
	 */
	synchronized void acceptThinker(UpstreamEvent event) {
		if (event instanceof UpstreamEvent.Finished summary) {
			this.thinkerFinished = summary;
		}
		else if (!(event instanceof UpstreamEvent.Content) && !(event instanceof UpstreamEvent.UsageReported)) {
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
		this.reasoning.append(text);
		this.dirty = true;
		publish(new GenerationEvent.Reasoning(text));
	}

	/**
	 * Blank text before the answer begins is dropped: models often open the answer with
	 * newlines, and the answer "begins" (folding the thinking panel) only with its first
	 * visible character.
	 */
	private void appendContent(String text) {
		String shown = (this.content.isEmpty()) ? text.stripLeading() : text;
		if (shown.isEmpty()) {
			return;
		}
		if (this.contentStartedAt == null) {
			this.contentStartedAt = this.clock.instant();
		}
		this.content.append(shown);
		this.dirty = true;
		publish(new GenerationEvent.Content(shown));
	}

	private void moveContentToReasoning() {
		this.reasoning.append(this.content);
		this.content.setLength(0);
		if (this.reasoningStartedAt == null) {
			this.reasoningStartedAt = this.contentStartedAt;
		}
		this.contentStartedAt = null;
		this.dirty = true;
		publish(new GenerationEvent.Snapshot(this.reasoning.toString(), ""));
	}

	/**
	 * The events of this answer for one more subscriber: where it stands now, then the
	 * rest live. Taking the snapshot and joining the live events under one lock means
	 * nothing is missed or sent twice.
	 */
	synchronized Flux<AnswerEvent> events() {
		List<GenerationEvent> catchUp = new ArrayList<>();
		catchUp.add(new GenerationEvent.Start(this.turn.conversationId(), this.turn.userMessageId(),
				this.turn.assistantMessageId(), this.model, this.turn.title(), this.thinkerModel));
		if (this.stage != null) {
			catchUp.add(this.stage);
		}
		if (!this.reasoning.isEmpty() || !this.content.isEmpty()) {
			catchUp.add(new GenerationEvent.Snapshot(this.reasoning.toString(), this.content.toString()));
		}
		// What a late reader catches up with carries the number of the last event it
		// covers.
		long covered = this.sequence;
		if (this.ending != null) {
			catchUp.add(this.ending);
			return Flux.fromIterable(catchUp).map((event) -> new AnswerEvent(covered, event));
		}
		Sinks.Many<AnswerEvent> sink = Sinks.many().unicast().onBackpressureBuffer();
		catchUp.forEach((event) -> sink.tryEmitNext(new AnswerEvent(covered, event)));
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
		return new AnswerProgress(this.content.toString(), this.reasoning.toString(),
				this.details.isEmpty() ? null : json.write(this.details.blocks()), this.reasoningStartedAt,
				this.contentStartedAt);
	}

	/** Sends the last event to every subscriber and closes their streams. */
	synchronized void end(GenerationEvent last) {
		this.ending = last;
		AnswerEvent numbered = new AnswerEvent(++this.sequence, last);
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

	private void publish(GenerationEvent event) {
		AnswerEvent numbered = new AnswerEvent(++this.sequence, event);
		for (Sinks.Many<AnswerEvent> sink : this.subscribers) {
			sink.tryEmitNext(numbered);
		}
	}

}
