package dev.ponder.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

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
				Optional<String> unavailable = database.unavailable();
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

}
