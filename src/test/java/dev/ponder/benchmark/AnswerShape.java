package dev.ponder.benchmark;

import java.time.Duration;

/**
 * How every answer of the {@link StampingUpstream} streams: nothing for
 * {@code firstByte}, then {@code deltas} deltas one {@code interval} apart, the first
 * {@code reasoningDeltas} of them reasoning and the rest answer text.
 */
record AnswerShape(Duration firstByte, int deltas, int reasoningDeltas, Duration interval) {

	AnswerShape {
		if (deltas < 1 || reasoningDeltas < 0 || reasoningDeltas > deltas || interval.isZero() || interval.isNegative()
				|| firstByte.isNegative()) {
			throw new IllegalArgumentException(
					"Not a stream to send: %s to the first delta, %d deltas (%d reasoning) %s apart"
						.formatted(firstByte, deltas, reasoningDeltas, interval));
		}
	}

	/** How long one answer takes at the upstream, from the request to its last delta. */
	Duration length() {
		return this.firstByte.plus(this.interval.multipliedBy(this.deltas - 1L));
	}

	@Override
	public String toString() {
		return "%d deltas (%d reasoning, then %d answer) every %d ms after %d ms to the first".formatted(this.deltas,
				this.reasoningDeltas, this.deltas - this.reasoningDeltas, this.interval.toMillis(),
				this.firstByte.toMillis());
	}

}
