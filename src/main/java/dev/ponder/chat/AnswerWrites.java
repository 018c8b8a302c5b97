package dev.ponder.chat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts the writes of answers' rows ({@code ponder_answer_writes_total}), by kind: a
 * checkpoint while an answer streams, or its end. What one answer-second costs the
 * database is read from it.
 */
@Component
class AnswerWrites {

	private final Counter checkpoints;

	private final Counter ends;

	AnswerWrites(MeterRegistry meters) {
		this.checkpoints = counter(meters, "checkpoint");
		this.ends = counter(meters, "finish");
	}

	private static Counter counter(MeterRegistry meters, String kind) {
		return Counter.builder("ponder.answer.writes")
			.description("Rows of answers written: checkpoints while they stream, and their ends")
			.tag("kind", kind)
			.register(meters);
	}

	void checkpoints(int rows) {
		this.checkpoints.increment(rows);
	}

	void end() {
		this.ends.increment();
	}

}
