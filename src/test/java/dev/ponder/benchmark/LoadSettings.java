package dev.ponder.benchmark;

import java.time.Duration;
import java.util.List;

/**
 * What a streaming load run does, from system properties ({@code -Dbench.answers=20}),
 * with the defaults of the reported problem: 500 answers at once, each 150 deltas every
 * 20 ms after 200 ms, on H2 and PostgreSQL, one instance ({@code bench.instances=2} adds
 * a second that reads the answers the first runs, issue 13).
 */
record LoadSettings(int answers, Duration spread, AnswerShape shape, List<BenchmarkDatabase> databases,
		boolean flightRecording, int warmUpAnswers, String maxHeap, Duration answerTimeout, int instances) {

	static LoadSettings fromSystemProperties() {
		int deltas = Integer.getInteger("bench.deltas", 150);
		AnswerShape shape = new AnswerShape(Duration.ofMillis(Integer.getInteger("bench.firstByteMillis", 200)), deltas,
				Integer.getInteger("bench.reasoningDeltas", deltas * 2 / 3),
				Duration.ofMillis(Integer.getInteger("bench.deltaMillis", 20)));
		return new LoadSettings(Integer.getInteger("bench.answers", 500),
				Duration.ofMillis(Integer.getInteger("bench.spreadMillis", 0)), shape,
				BenchmarkDatabase.named(System.getProperty("bench.db", "h2,postgres")), Boolean.getBoolean("bench.jfr"),
				Integer.getInteger("bench.warmUpAnswers", 20), System.getProperty("bench.heap", "512m"),
				Duration.ofSeconds(Integer.getInteger("bench.timeoutSeconds", 120)),
				Integer.getInteger("bench.instances", 1));
	}

	boolean twoInstances() {
		if (this.instances != 1 && this.instances != 2) {
			throw new IllegalArgumentException("bench.instances is 1 or 2, not " + this.instances);
		}
		return this.instances == 2;
	}

	List<String> jvmOptions() {
		// JFR keeps 64 frames by default, too few for a request through Spring Security,
		// Spring MVC and Hibernate: the frames that say what the request was get cut off.
		return this.flightRecording ? List.of("-Xmx" + this.maxHeap, "-XX:FlightRecorderOptions:stackdepth=256")
				: List.of("-Xmx" + this.maxHeap);
	}

	/** Such as "500 answers started at once" or "20 answers started within 1000 ms". */
	String describeStart() {
		return this.answers + ((this.answers == 1) ? " answer" : " answers")
				+ (this.spread.isZero() ? " started at once" : " started within " + this.spread.toMillis() + " ms");
	}

}
