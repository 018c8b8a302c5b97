package dev.ponder.benchmark;

import dev.ponder.testing.Api;
import dev.ponder.testing.PonderProcess;

/**
 * How many times Ponder has written answers' rows, by kind, as its
 * {@code ponder_answer_writes_total} counter tells on {@code /actuator/prometheus}.
 */
record AnswerWrites(double checkpoints, double finishes) {

	static AnswerWrites of(PonderProcess ponder) {
		Api.Reply scrape = Api.anonymous(ponder.port()).get("/actuator/prometheus");
		if (scrape.status() != 200) {
			throw new IllegalStateException("/actuator/prometheus answered " + scrape.status());
		}
		return new AnswerWrites(count(scrape.text(), "checkpoint"), count(scrape.text(), "finish"));
	}

	AnswerWrites since(AnswerWrites earlier) {
		return new AnswerWrites(this.checkpoints - earlier.checkpoints, this.finishes - earlier.finishes);
	}

	double total() {
		return this.checkpoints + this.finishes;
	}

	/** The counter's value; 0 until the first write of that kind made the series. */
	private static double count(String scrape, String kind) {
		String series = "ponder_answer_writes_total{kind=\"" + kind + "\"} ";
		return scrape.lines()
			.filter((line) -> line.startsWith(series))
			.mapToDouble((line) -> Double.parseDouble(line.substring(series.length()).strip().split(" ")[0]))
			.findFirst()
			.orElse(0);
	}

}
