package dev.ponder.openai;

import java.util.ArrayList;
import java.util.List;

import dev.ponder.chat.GenerationEvent;
import dev.ponder.conversation.TokenUsage;
import dev.ponder.openai.CompletionWire.Delta;

/**
 * One answer of a call, followed event by event: what it has said and thought so far (for
 * a whole answer at the end), and what each event adds to a stream. Its events come one
 * at a time, in order.
 */
final class ChoiceTranscript {

	private final int index;

	private final StringBuilder reasoning = new StringBuilder();

	private final StringBuilder content = new StringBuilder();

	private TokenUsage usage;

	private String finishReason;

	private GenerationEvent.Error error;

	ChoiceTranscript(int index) {
		this.index = index;
	}

	int index() {
		return this.index;
	}

	/**
	 * What an event adds, as the deltas of a stream; none for what a client of OpenAI's
	 * API has no place for (a relay's stage, a retry announced). The end is told by
	 * {@link #finishReason()} or {@link #error()} once {@link #ended()}.
	 */
	List<Delta> apply(GenerationEvent event) {
		if (event instanceof GenerationEvent.Start) {
			return List.of(Delta.FIRST);
		}
		if (event instanceof GenerationEvent.Reasoning delta) {
			this.reasoning.append(delta.text());
			return List.of(Delta.reasoning(delta.text()));
		}
		if (event instanceof GenerationEvent.Content delta) {
			this.content.append(delta.text());
			return List.of(Delta.content(delta.text()));
		}
		if (event instanceof GenerationEvent.Snapshot snapshot) {
			return replacedBy(snapshot);
		}
		if (event instanceof GenerationEvent.Done done) {
			this.usage = (done.thinkerUsage() != null) ? done.usage().plus(tokensOnly(done.thinkerUsage()))
					: done.usage();
			this.finishReason = finishReason(done.finishReason());
		}
		else if (event instanceof GenerationEvent.Error failed) {
			this.error = failed;
		}
		return List.of();
	}

	/**
	 * Text shown as the answer turned out to be reasoning (a model that writes its
	 * thoughts between {@code <think>} tags): a stream cannot take back what it sent, so
	 * it gets only what extends it; the whole answer at the end is the snapshot's.
	 */
	private List<Delta> replacedBy(GenerationEvent.Snapshot snapshot) {
		List<Delta> deltas = new ArrayList<>();
		String thought = snapshot.reasoning();
		if (thought.length() > this.reasoning.length() && thought.startsWith(this.reasoning.toString())) {
			deltas.add(Delta.reasoning(thought.substring(this.reasoning.length())));
		}
		String said = snapshot.content();
		if (said.length() > this.content.length() && said.startsWith(this.content.toString())) {
			deltas.add(Delta.content(said.substring(this.content.length())));
		}
		this.reasoning.setLength(0);
		this.reasoning.append(thought);
		this.content.setLength(0);
		this.content.append(said);
		return deltas;
	}

	/** A relay's thinker's tokens: its cost is in its answer's already. */
	private static TokenUsage tokensOnly(TokenUsage thinker) {
		return new TokenUsage(thinker.promptTokens(), thinker.completionTokens(), thinker.reasoningTokens(), null);
	}

	/** OpenAI's reasons; an answer stopped early ended as asked. */
	private static String finishReason(String reported) {
		return (reported == null || reported.isBlank()) ? "stop" : reported;
	}

	boolean ended() {
		return this.finishReason != null || this.error != null;
	}

	String finishReason() {
		return this.finishReason;
	}

	GenerationEvent.Error error() {
		return this.error;
	}

	TokenUsage usage() {
		return (this.usage != null) ? this.usage : TokenUsage.NONE;
	}

	String reasoning() {
		return this.reasoning.toString();
	}

	String content() {
		return this.content.toString();
	}

}
