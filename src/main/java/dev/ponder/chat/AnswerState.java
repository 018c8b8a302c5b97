package dev.ponder.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an answer stands, folded from its events: what a reader that joins late must be
 * shown before the live events. The owner folds what it publishes (to publish a snapshot
 * when a shared stream must be started over), a reader on another instance folds what it
 * reads back.
 */
final class AnswerState {

	private GenerationEvent.Start start;

	private GenerationEvent.Stage stage;

	private final StringBuilder reasoning = new StringBuilder();

	private final StringBuilder content = new StringBuilder();

	private GenerationEvent ending;

	private long sequence;

	void apply(AnswerEvent numbered) {
		this.sequence = Math.max(this.sequence, numbered.sequence());
		GenerationEvent event = numbered.event();
		if (event instanceof GenerationEvent.Start first) {
			this.start = first;
		}
		else if (event instanceof GenerationEvent.Stage next) {
			this.stage = next;
		}
		else if (event instanceof GenerationEvent.Reasoning delta) {
			this.reasoning.append(delta.text());
		}
		else if (event instanceof GenerationEvent.Content delta) {
			this.content.append(delta.text());
		}
		else if (event instanceof GenerationEvent.Snapshot snapshot) {
			this.reasoning.setLength(0);
			this.reasoning.append(snapshot.reasoning());
			this.content.setLength(0);
			this.content.append(snapshot.content());
		}
		else if (event.ends()) {
			this.ending = event;
		}
		// Anything else (a retry announced) is news only while it happens: a late reader
		// starts from where the answer stands.
	}

	/** The number of the last event folded in. */
	long sequence() {
		return this.sequence;
	}

	String reasoning() {
		return this.reasoning.toString();
	}

	boolean hasContent() {
		return !this.content.isEmpty();
	}

	String content() {
		return this.content.toString();
	}

	boolean ended() {
		return this.ending != null;
	}

	/**
	 * The events that show this state from nothing, numbered with the last event they
	 * cover: as {@link Generation#events()} gives a late reader.
	 */
	List<AnswerEvent> catchUp() {
		List<AnswerEvent> events = new ArrayList<>();
		if (this.start != null) {
			events.add(new AnswerEvent(this.sequence, this.start));
		}
		if (this.stage != null) {
			events.add(new AnswerEvent(this.sequence, this.stage));
		}
		if (!this.reasoning.isEmpty() || !this.content.isEmpty()) {
			events.add(new AnswerEvent(this.sequence,
					new GenerationEvent.Snapshot(this.reasoning.toString(), this.content.toString())));
		}
		if (this.ending != null) {
			events.add(new AnswerEvent(this.sequence, this.ending));
		}
		return events;
	}

}
