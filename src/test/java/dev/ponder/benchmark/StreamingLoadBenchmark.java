package dev.ponder.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.ponder.testing.RedisUnderTest;

/**
 * Many answers streaming at once through Ponder, beside the same answers read straight
 * from the upstream in the same run (issue 12), on H2 and on PostgreSQL. Settings are
 * system properties ({@link LoadSettings}); run with
 * {@code ./mvnw -Pbenchmark test -Dtest=StreamingLoadBenchmark}. Prints the report and
 * writes it to {@code target/benchmark/streaming.md}.
 * <p>
 * The upstream ({@link StampingUpstream}) runs in this JVM and stamps each delta with the
 * time it sent it; Ponder runs in a process of its own ({@code PonderProcess}), so that
 * its CPU and memory are its own. Everything talks over 127.0.0.1, and every wait is
 * bounded: a Ponder that stops answering shows as errors, not as a hang.
 * <p>
 * With {@code -Dbench.instances=2} (PostgreSQL only), each database's run goes on with a
 * second Ponder on the same database and Redis, reading the answers the first runs (issue
 * 13).
 */
@Tag("benchmark")
class StreamingLoadBenchmark {

	private static final Path RESULTS = Path.of("target", "benchmark");

	@Test
	void answersStreamThroughPonderBesideTheSameAnswersReadDirectly() throws IOException {
		LoadSettings settings = LoadSettings.fromSystemProperties();
		StringBuilder report = new StringBuilder(StreamingReport.heading(settings));
		int sections = 0;
		try (StampingUpstream upstream = StampingUpstream.start(settings.shape());
				AnswerStreams streams = new AnswerStreams(upstream,
						Math.max(settings.answers(), settings.warmUpAnswers()), settings.answerTimeout())) {
			for (BenchmarkDatabase database : settings.databases()) {
				Optional<String> unavailable = unavailable(settings, database);
				if (unavailable.isPresent()) {
					report.append('\n').append(unavailable.get()).append('\n');
					continue;
				}
				report.append(new StreamingRun(settings, database, upstream, streams, RESULTS).run());
				sections++;
			}
		}
		System.out.println(report);
		Files.createDirectories(RESULTS);
		Files.writeString(RESULTS.resolve("streaming.md"), report);
		Assumptions.assumeTrue(sections > 0, "No database to run on: see the report");
	}

	private static Optional<String> unavailable(LoadSettings settings, BenchmarkDatabase database) {
		if (settings.twoInstances() && database == BenchmarkDatabase.H2) {
			return Optional
				.of("H2 skipped with two instances: an H2 file is one process's, and instances share a " + "database.");
		}
		if (settings.twoInstances() && !RedisUnderTest.available()) {
			return Optional.of(database.title() + " skipped with two instances: no Redis answers on 127.0.0.1:6379 and "
					+ RedisUnderTest.URL_VARIABLE + " is not set.");
		}
		return database.unavailable();
	}

}
