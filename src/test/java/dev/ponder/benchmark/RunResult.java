package dev.ponder.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The answers of one run, all read to their end, and what they add up to: deltas lost,
 * failed answers, how late deltas came, how long the first took, and when the last answer
 * was done.
 */
record RunResult(List<AnswerProbe> answers, int expectedDeltas, long startNanos, Duration driverCpu,
		int mostOpenUpstreamStreams) {

	int deltasExpected() {
		return this.answers.size() * this.expectedDeltas;
	}

	long deltasReceived() {
		return this.answers.stream().mapToLong(AnswerProbe::received).sum();
	}

	long deltasLost() {
		return deltasExpected() - deltasReceived();
	}

	long errors() {
		return this.answers.stream().map(AnswerProbe::error).filter(Objects::nonNull).count();
	}

	/** Failures by what they said (cut short), the most frequent first. */
	Map<String, Long> errorsByKind() {
		return this.answers.stream()
			.map(AnswerProbe::error)
			.filter(Objects::nonNull)
			.map(RunResult::shorten)
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
			.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
	}

	/** How late each delta arrived after the upstream sent it. */
	Percentiles delays() {
		return Percentiles
			.ofNanos(this.answers.stream().flatMapToLong((answer) -> Arrays.stream(answer.delays())).toArray());
	}

	/** From sending each request to its first delta. */
	Percentiles firstDelta() {
		return Percentiles.ofNanos(this.answers.stream()
			.filter(AnswerProbe::hasFirstDelta)
			.mapToLong(AnswerProbe::firstDeltaNanos)
			.toArray());
	}

	/**
	 * From the first request to the last answer done; {@code NaN} when none was.
	 */
	double wallSeconds() {
		OptionalLong last = this.answers.stream()
			.filter((answer) -> answer.error() == null)
			.mapToLong(AnswerProbe::endNanos)
			.max();
		return last.isPresent() ? (last.getAsLong() - this.startNanos) / 1e9 : Double.NaN;
	}

	/** From the first request to the last answer's end, however it ended. */
	double spanSeconds() {
		return (this.answers.stream().mapToLong(AnswerProbe::endNanos).max().orElse(this.startNanos) - this.startNanos)
				/ 1e9;
	}

	/** The answers' lengths added up, each from its request to its end. */
	double answerSeconds() {
		return this.answers.stream().mapToLong((answer) -> answer.endNanos() - answer.sentNanos()).sum() / 1e9;
	}

	private static String shorten(String error) {
		String line = error.replaceAll("\\s+", " ");
		return (line.length() > 160) ? line.substring(0, 157) + "..." : line;
	}

}
