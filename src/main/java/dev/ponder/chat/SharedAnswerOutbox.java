package dev.ponder.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Copies one answer's events into Redis as they come, for readers on other instances. One
 * batch is in flight at a time: what arrives meanwhile waits here and goes as the next
 * batch, so a slow Redis means bigger batches, not a queue of commands. The buffer is
 * bounded: past it, or after a failed write, the next batch is the whole answer so far
 * instead of the deltas that were dropped.
 */
final class SharedAnswerOutbox {

	private static final int MAX_PENDING = 10_000;

	private final UUID answer;

	private final RedisAnswers redis;

	private final RedisOutage outage;

	private final AnswerState state = new AnswerState();

	private final List<AnswerEvent> pending = new ArrayList<>();

	private boolean inFlight;

	private boolean resync;

	private long entries;

	SharedAnswerOutbox(UUID answer, RedisAnswers redis, RedisOutage outage) {
		this.answer = answer;
		this.redis = redis;
		this.outage = outage;
	}

	synchronized void accept(AnswerEvent event) {
		this.state.apply(event);
		this.pending.add(event);
		if (this.pending.size() > MAX_PENDING) {
			this.pending.clear();
			this.resync = true;
		}
		if (!this.inFlight) {
			send();
		}
	}

	private void send() {
		boolean full = ++this.entries % RedisAnswers.FULL_STATE_EVERY == 0;
		// The whole state is folded into events once, whether a resync or a full entry
		// (or both) needs it.
		List<AnswerEvent> whole = (this.resync || full) ? this.state.catchUp() : null;
		List<AnswerEvent> live = this.resync ? whole : List.copyOf(this.pending);
		List<AnswerEvent> entry = full ? whole : live;
		this.pending.clear();
		this.resync = false;
		this.inFlight = true;
		this.redis.append(this.answer, entry, live, this.state.ended()).subscribe(null, this::failed, this::sent);
	}

	private synchronized void sent() {
		this.outage.succeeded();
		this.inFlight = false;
		if (!this.pending.isEmpty() || this.resync) {
			send();
		}
	}

	private synchronized void failed(Throwable failure) {
		this.outage.failed(failure);
		this.inFlight = false;
		this.resync = true;
	}

	/** Sends again what a failed write left behind: no new event may come to do it. */
	synchronized void retry() {
		if (!this.inFlight && (this.resync || !this.pending.isEmpty())) {
			send();
		}
	}

	/** Whether this answer's end is in Redis. */
	synchronized boolean done() {
		return this.state.ended() && !this.inFlight && this.pending.isEmpty() && !this.resync;
	}

}
