package dev.ponder.benchmark;

import java.util.Arrays;
import java.util.BitSet;

import org.springframework.http.codec.ServerSentEvent;

/**
 * What one reader saw of one answer: which stamped deltas arrived and how late, when the
 * first came, and how the stream ended. The same probe reads the upstream's raw chunks
 * and Ponder's events ({@code reasoning}, {@code content}, and {@code snapshot}, which
 * may carry many deltas at once): it looks only for stamps in the data, and for the end.
 * <p>
 * Reactor hands a stream's events over one at a time, but a timeout fails the probe from
 * its timer's thread, maybe while a last event arrives: hence the lock. The figures are
 * read once the stream has ended.
 */
final class AnswerProbe {

	private final long sentNanos;

	private final BitSet seen;

	private final long[] delays;

	private int received;

	private boolean anyDelta;

	private long firstDeltaNanos;

	private long endNanos;

	private boolean done;

	private String error;

	AnswerProbe(int expectedDeltas, long sentNanos) {
		this.sentNanos = sentNanos;
		this.seen = new BitSet(expectedDeltas);
		this.delays = new long[expectedDeltas];
	}

	synchronized void accept(ServerSentEvent<String> event) {
		long now = System.nanoTime();
		String data = event.data();
		if ("error".equals(event.event())) {
			failed("error event: " + data);
			return;
		}
		if (data == null) {
			return;
		}
		if ("done".equals(event.event()) || "[DONE]".equals(data)) {
			this.done = true;
			this.endNanos = now;
			return;
		}
		readStamps(data, now);
	}

	/** The stream ended: it was an error unless {@code done} came first. */
	synchronized AnswerProbe ended() {
		if (!this.done && this.error == null) {
			failed("the stream ended without done");
		}
		return this;
	}

	synchronized AnswerProbe failed(String description) {
		if (this.error == null) {
			this.error = description;
			this.endNanos = System.nanoTime();
		}
		return this;
	}

	/** Stamps look like {@code [17@123456789]}: a sequence number and a nanoTime. */
	private void readStamps(String data, long now) {
		int open = data.indexOf('[');
		while (open >= 0) {
			int at = data.indexOf('@', open);
			int close = (at > 0) ? data.indexOf(']', at) : -1;
			if (close < 0) {
				return;
			}
			if (isDigits(data, open + 1, at) && isDigits(data, at + 1, close)) {
				record(Integer.parseInt(data, open + 1, at, 10), Long.parseLong(data, at + 1, close, 10), now);
			}
			open = data.indexOf('[', open + 1);
		}
	}

	private void record(int sequence, long stampNanos, long now) {
		if (sequence >= this.delays.length || this.seen.get(sequence)) {
			return;
		}
		this.seen.set(sequence);
		this.delays[this.received++] = now - stampNanos;
		if (!this.anyDelta) {
			this.anyDelta = true;
			this.firstDeltaNanos = now;
		}
	}

	private static boolean isDigits(String text, int from, int to) {
		if (from >= to) {
			return false;
		}
		for (int i = from; i < to; i++) {
			if (!Character.isDigit(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	int received() {
		return this.received;
	}

	/** How late each distinct delta arrived, in nanoseconds, in arrival order. */
	long[] delays() {
		return Arrays.copyOf(this.delays, this.received);
	}

	boolean hasFirstDelta() {
		return this.anyDelta;
	}

	/** From sending the request to the first delta. */
	long firstDeltaNanos() {
		return this.firstDeltaNanos - this.sentNanos;
	}

	long sentNanos() {
		return this.sentNanos;
	}

	long endNanos() {
		return this.endNanos;
	}

	/** Why the answer failed, or {@code null} when it ended with {@code done}. */
	String error() {
		return this.error;
	}

}
