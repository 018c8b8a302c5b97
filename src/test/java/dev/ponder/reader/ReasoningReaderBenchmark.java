package dev.ponder.reader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.ponder.testing.BrowserTestSupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Frame times in Chromium while a 30,000-word reasoning streams into an open thinking
 * panel: main's panel (the whole reasoning rendered again each frame) as the baseline,
 * then the reader, open and folded, in the same run. The feed is a page script
 * ({@code src/test/resources/benchmark/reasoning-feed.js}) that delivers the stream's
 * reasoning events at a fixed rate. Figures go to
 * {@code target/benchmarks/reasoning-reader.md}; docs/benchmarks.md has a run. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=ReasoningReaderBenchmark}.
 */
@Tag("benchmark")
class ReasoningReaderBenchmark extends BrowserTestSupport {

	private static final int WORDS = 30_000;

	/**
	 * One way of feeding: the words already there, then how long and how fast more come.
	 */
	private record Feed(String name, int seedWords, int seconds, int tokensPerSecond) {
	}

	private record Scenario(String panel, boolean folded, Feed feed) {

		Map<String, Object> options() {
			return Map.of("scenario", this.panel, "folded", this.folded, "seedWords", this.feed.seedWords(),
					"feedSeconds", this.feed.seconds(), "tokensPerSecond", this.feed.tokensPerSecond());
		}

	}

	@Test
	void aThirtyThousandWordReasoningStreamsWithoutStutter() throws IOException {
		String feedScript = resource("/benchmark/reasoning-feed.js");
		Feed lastPart = new Feed("the last 20 s of 30,000 words at 100 tokens/s", WORDS - 1_500, 20, 100);
		Feed whole = new Feed("all 30,000 words in 60 s (≈ 667 tokens/s)", 0, 60, 667);
		List<Scenario> scenarios = List.of(new Scenario("baseline", false, lastPart),
				new Scenario("reader", false, lastPart), new Scenario("reader", true, lastPart),
				new Scenario("baseline", false, whole), new Scenario("reader", false, whole));
		this.page.navigate("/");
		assertThat(this.page.locator("textarea[name=content]")).isVisible();

		StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
				"| feed | panel | frames | p50 ms | p95 ms | p99 ms | max ms | long tasks (ms) | long frames | first render ms | words |%n"
						+ "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |%n"));
		StringBuilder causes = new StringBuilder(String.format(Locale.ROOT, "%nWhere the long frames went:%n"));
		List<Map<String, Object>> results = new ArrayList<>();
		for (Scenario scenario : scenarios) {
			@SuppressWarnings("unchecked")
			Map<String, Object> result = (Map<String, Object>) this.page.evaluate(feedScript, scenario.options());
			results.add(result);
			report.append(row(scenario, result));
			causes.append(String.format(Locale.ROOT, "- %s, %s: %s%n", scenario.feed().name(), panelName(scenario),
					result.get("longFrameCauses")));
			System.out.print(row(scenario, result));
		}
		report.append(causes);
		Path out = Paths.get("target", "benchmarks", "reasoning-reader.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.print(report);
		assertThat(results).allSatisfy((result) -> assertThat(frames(result).get("count").intValue()).isPositive());
	}

	private static String row(Scenario scenario, Map<String, Object> result) {
		Map<String, Number> frames = frames(result);
		String panel = panelName(scenario);
		return String.format(Locale.ROOT,
				"| %s | %s | %d | %.1f | %.1f | %.1f | %.1f | %d (%.0f) | %d | %.0f | %,d |%n", scenario.feed().name(),
				panel, frames.get("count").intValue(), frames.get("p50").doubleValue(), frames.get("p95").doubleValue(),
				frames.get("p99").doubleValue(), frames.get("max").doubleValue(),
				((Number) result.get("longTasks")).intValue(), ((Number) result.get("longTaskMillis")).doubleValue(),
				((Number) result.get("longFrames")).intValue(), ((Number) result.get("openMillis")).doubleValue(),
				((Number) result.get("words")).intValue());
	}

	private static String panelName(Scenario scenario) {
		return scenario.panel().equals("baseline") ? "main's panel (baseline)"
				: scenario.folded() ? "reader, folded" : "reader, open";
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Number> frames(Map<String, Object> result) {
		return (Map<String, Number>) result.get("frames");
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = ReasoningReaderBenchmark.class.getResourceAsStream(name)) {
			String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			// The comment above the function is for people; Playwright wants the function
			// alone.
			return script.substring(script.indexOf("async ("));
		}
	}

}
