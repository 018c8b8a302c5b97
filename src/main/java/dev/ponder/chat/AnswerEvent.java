package dev.ponder.chat;

import tools.jackson.databind.json.JsonMapper;

/**
 * One event of an answer on its way to its readers: its place in the answer's sequence
 * (the SSE {@code id}, which a reader that reconnects sends back as
 * {@code Last-Event-ID}) and what it says. Its JSON is written once, however many readers
 * the answer has.
 */
public final class AnswerEvent {

	private final long sequence;

	private final GenerationEvent event;

	// Written at most a few times (by readers racing for it), read for every reader.
	private volatile String json;

	public AnswerEvent(long sequence, GenerationEvent event) {
		this.sequence = sequence;
		this.event = event;
	}

	public long sequence() {
		return this.sequence;
	}

	public GenerationEvent event() {
		return this.event;
	}

	public String name() {
		return this.event.name();
	}

	public String json(JsonMapper mapper) {
		String written = this.json;
		if (written == null) {
			written = mapper.writeValueAsString(this.event);
			this.json = written;
		}
		return written;
	}

	@Override
	public String toString() {
		return this.sequence + " " + this.event;
	}

}
