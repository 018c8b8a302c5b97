package dev.ponder.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.DoubleStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import dev.ponder.testing.PonderProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the OpenAI-compatible API's stream ({@code POST /v1/chat/completions}) adds to an
 * answer's delay beside the page's own stream ({@code POST
 * /api/conversations/{id}/messages}), both read in the same run from the same Ponder,
 * against a {@link StampingUpstream} that stamps every delta with the time it sent it,
 * and beside the same answers read straight from the upstream. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=OpenAiApiDelayBenchmark}; prints the report and
 * writes it to {@code target/benchmark/openai-api.md}.
 * <p>
 * Two parts, the paths taking turns so that a change in the machine's load falls on all
 * of them alike: answers one at a time (the delay a person or a script sees), then
 * {@code bench.streams} answers at once, a few rounds (what the path costs under load).
 * The API is read twice: kept as a conversation (the default) and with
 * {@code X-Ponder-Save: false}. Settings ({@code -Dbench.…}): {@code singles} (8),
 * {@code streams} (50), {@code rounds} (3), {@code deltas} (150), {@code reasoningDeltas}
 * (100), {@code deltaMillis} (20), {@code firstByteMillis} (200), {@code timeoutSeconds}
 * (120), {@code heap} (512m).
 */
@Tag("benchmark")
class OpenAiApiDelayBenchmark {

	private static final Path RESULTS = Path.of("target", "benchmark");

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	private static final String QUESTION = "Benchmark question %d: think it through.";

	/** The ways an answer is read, in the order each round takes them. */
	enum Way {

		DIRECT("straight from the upstream"), PAGE("the page's stream"), API("/v1, kept"),
		API_UNSAVED("/v1, X-Ponder-Save: false");

		private final String title;

		Way(String title) {
			this.title = title;
		}

	}

	@Test
	void theApisStreamBesideThePagesStream() throws IOException {
		int singles = Integer.getInteger("bench.singles", 8);
		int concurrent = Integer.getInteger("bench.streams", 50);
		int rounds = Integer.getInteger("bench.rounds", 3);
		int deltas = Integer.getInteger("bench.deltas", 150);
		AnswerShape shape = new AnswerShape(Duration.ofMillis(Integer.getInteger("bench.firstByteMillis", 200)), deltas,
				Integer.getInteger("bench.reasoningDeltas", deltas * 2 / 3),
				Duration.ofMillis(Integer.getInteger("bench.deltaMillis", 20)));
		Duration timeout = Duration.ofSeconds(Integer.getInteger("bench.timeoutSeconds", 120));
		String heap = System.getProperty("bench.heap", "512m");
		Path directory = RESULTS.resolve("openai-api-h2");
		Figures one = new Figures();
		Figures many = new Figures();
		String loadBefore;
		try (StampingUpstream upstream = StampingUpstream.start(shape);
				AnswerStreams streams = new AnswerStreams(upstream, concurrent, timeout);
				PonderProcess ponder = BenchmarkDatabase.H2.start(upstream, List.of("-Xmx" + heap), directory)) {
			Paths paths = new Paths(upstream, streams.client(), ponder.port());
			progress("warming up");
			int warmUp = Math.min(concurrent, 20);
			for (int round = 0; round < 2; round++) {
				for (Way way : Way.values()) {
					streams.run(warmUp, Duration.ZERO, paths.request(way, warmUp));
				}
			}
			loadBefore = LoadAverage.now();
			progress("answers one at a time, " + singles + " each way");
			for (int i = 0; i < singles; i++) {
				for (Way way : Way.values()) {
					one.add(way, streams.run(1, Duration.ZERO, paths.request(way, 1)), Duration.ZERO);
				}
			}
			for (int round = 0; round < rounds; round++) {
				progress(concurrent + " answers at once, round " + (round + 1) + " of " + rounds);
				for (Way way : rotated(round)) {
					IntFunction<WebClient.RequestHeadersSpec<?>> request = paths.request(way, concurrent);
					Duration cpuBefore = ponder.cpuTime();
					RunResult run = streams.run(concurrent, Duration.ZERO, request);
					many.add(way, run, ponder.cpuTime().minus(cpuBefore));
				}
			}
		}
		String report = report(shape, singles, concurrent, rounds, one, many, loadBefore, LoadAverage.now());
		System.out.println(report);
		Files.createDirectories(RESULTS);
		Files.writeString(RESULTS.resolve("openai-api.md"), report);
		assertThat(many.errors(Way.API) + one.errors(Way.API)).as("failed answers through /v1; see the report")
			.isZero();
	}

	/**
	 * The ways in a round's order: each round starts with another, so none is always
	 * first.
	 */
	private static List<Way> rotated(int round) {
		List<Way> ways = new ArrayList<>(List.of(Way.values()));
		Collections.rotate(ways, -round);
		return ways;
	}

	private static String report(AnswerShape shape, int singles, int concurrent, int rounds, Figures one, Figures many,
			String loadBefore, String loadAfter) {
		StringBuilder report = new StringBuilder();
		report.append("## The OpenAI-compatible API's added delay\n\n");
		report.append("Each answer: ")
			.append(shape)
			.append(". Ponder on an H2 file, load average ")
			.append(loadBefore)
			.append(" before the measured part, ")
			.append(loadAfter)
			.append(" after.\n\n");
		report.append("### One answer at a time (").append(singles).append(" each way, taking turns)\n\n");
		report.append(table(one, false));
		report.append('\n')
			.append("### ")
			.append(concurrent)
			.append(" answers at once (")
			.append(rounds)
			.append(" rounds each way, figures over all rounds)\n\n");
		report.append(table(many, true));
		report.append('\n').append(ratios(one, many));
		return report.toString();
	}

	private static String table(Figures figures, boolean underLoad) {
		StringBuilder table = new StringBuilder("| | ");
		for (Way way : Way.values()) {
			table.append(way.title).append(" | ");
		}
		table.append("\n| --- |").append(" ---: |".repeat(Way.values().length)).append('\n');
		row(table, "answers done / errors / deltas lost", figures,
				(way) -> figures.done(way) + " / " + figures.errors(way) + " / " + figures.lost(way));
		row(table, "first (reasoning) delta, median / p95 ms", figures,
				(way) -> ms(figures.firstDelta(way, 0.50)) + " / " + ms(figures.firstDelta(way, 0.95)));
		row(table, "delay per delta, p50 / p95 / p99 ms", figures, (way) -> ms(figures.delay(way, 0.50)) + " / "
				+ ms(figures.delay(way, 0.95)) + " / " + ms(figures.delay(way, 0.99)));
		row(table, "delay added to direct, p50 / p95 ms", figures,
				(way) -> (way == Way.DIRECT) ? "" : signed(figures.delay(way, 0.50) - figures.delay(Way.DIRECT, 0.50))
						+ " / " + signed(figures.delay(way, 0.95) - figures.delay(Way.DIRECT, 0.95)));
		if (underLoad) {
			row(table, "last answer done, s (median of rounds)", figures,
					(way) -> String.format(Locale.ROOT, "%.2f", figures.medianWallSeconds(way)));
			row(table, "deltas delivered per second (median of rounds)", figures,
					(way) -> String.format(Locale.ROOT, "%,.0f", figures.medianThroughput(way)));
			row(table, "Ponder's CPU per 1,000 deltas, ms", figures, (way) -> (way == Way.DIRECT)
					? "(idle) " + cpuPerThousand(figures, way) : cpuPerThousand(figures, way));
		}
		for (Way way : Way.values()) {
			figures.errorsByKind(way)
				.forEach((kind, count) -> table.append("\n- ")
					.append(way.title)
					.append(": ")
					.append(count)
					.append(" × ")
					.append(kind));
		}
		return table.append('\n').toString();
	}

	private static String ratios(Figures one, Figures many) {
		return String.format(Locale.ROOT, """
				Ratios, /v1 (kept) to the page's stream: one at a time, first delta %.2f× (median), delay per \
				delta p50 %.2f× and p95 %.2f×; at once, first delta %.2f×, p95 delay %.2f×, last answer done %.2f×, \
				deltas per second %.2f×, Ponder's CPU per delta %.2f×. Unsaved /v1 to the page's stream: first delta \
				%.2f× one at a time, CPU per delta %.2f× at once.
				""", one.firstDelta(Way.API, 0.5) / one.firstDelta(Way.PAGE, 0.5),
				one.delay(Way.API, 0.5) / one.delay(Way.PAGE, 0.5),
				one.delay(Way.API, 0.95) / one.delay(Way.PAGE, 0.95),
				many.firstDelta(Way.API, 0.5) / many.firstDelta(Way.PAGE, 0.5),
				many.delay(Way.API, 0.95) / many.delay(Way.PAGE, 0.95),
				many.medianWallSeconds(Way.API) / many.medianWallSeconds(Way.PAGE),
				many.medianThroughput(Way.API) / many.medianThroughput(Way.PAGE),
				many.cpuPerDelta(Way.API) / many.cpuPerDelta(Way.PAGE),
				one.firstDelta(Way.API_UNSAVED, 0.5) / one.firstDelta(Way.PAGE, 0.5),
				many.cpuPerDelta(Way.API_UNSAVED) / many.cpuPerDelta(Way.PAGE));
	}

	private static void row(StringBuilder table, String title, Figures figures, Function<Way, String> cell) {
		table.append("| ").append(title).append(" | ");
		for (Way way : Way.values()) {
			table.append(cell.apply(way)).append(" | ");
		}
		table.append('\n');
	}

	private static String cpuPerThousand(Figures figures, Way way) {
		return String.format(Locale.ROOT, "%,.0f", figures.cpuPerDelta(way) * 1000);
	}

	private static String ms(double millis) {
		return String.format(Locale.ROOT, (millis < 10) ? "%.2f" : "%,.0f", millis);
	}

	private static String signed(double millis) {
		if (Double.isNaN(millis)) {
			return "n/a";
		}
		return ((millis >= 0) ? "+" : "−") + ms(Math.abs(millis));
	}

	private static void progress(String step) {
		System.out
			.println("[" + LocalTime.now().format(CLOCK) + "] " + step + " (load average " + LoadAverage.now() + ")");
	}

	/** How each way's requests are made: the same question, asked the way's way. */
	private static final class Paths {

		private final StampingUpstream upstream;

		private final WebClient client;

		private final PonderRequests page;

		private final String api;

		Paths(StampingUpstream upstream, WebClient client, int port) {
			this.upstream = upstream;
			this.client = client;
			this.page = new PonderRequests(client, port);
			this.api = "http://127.0.0.1:" + port + "/v1/chat/completions";
		}

		/**
		 * The requests of one run of {@code answers}: the page's conversations are made
		 * first, untimed, as the page has its conversation before a message is sent; the
		 * API makes its own within the call, which is part of what it costs.
		 */
		IntFunction<WebClient.RequestHeadersSpec<?>> request(Way way, int answers) {
			return switch (way) {
				case DIRECT -> (i) -> PonderRequests.askUpstream(this.client, this.upstream, i);
				case PAGE -> {
					List<UUID> conversations = this.page.newConversations(answers, Duration.ofSeconds(60));
					yield (i) -> this.page.sendMessage(conversations.get(i), i);
				}
				case API -> (i) -> askApi(i, true);
				case API_UNSAVED -> (i) -> askApi(i, false);
			};
		}

		private WebClient.RequestHeadersSpec<?> askApi(int number, boolean keep) {
			WebClient.RequestBodySpec request = this.client.post()
				.uri(this.api)
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.TEXT_EVENT_STREAM)
				.header("Authorization", "Bearer unused");
			if (!keep) {
				request = request.header("X-Ponder-Save", "false");
			}
			return request.bodyValue("{\"model\":\"deepseek/deepseek-r1\",\"stream\":true,"
					+ "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\""
					+ QUESTION.formatted(number) + "\"}]}");
		}

	}

	/** Every run of each way, and what they add up to. */
	private static final class Figures {

		private final Map<Way, List<RunResult>> runs = new EnumMap<>(Way.class);

		private final Map<Way, Duration> cpu = new EnumMap<>(Way.class);

		void add(Way way, RunResult run, Duration ponderCpu) {
			this.runs.computeIfAbsent(way, (key) -> new ArrayList<>()).add(run);
			this.cpu.merge(way, ponderCpu, Duration::plus);
		}

		private List<AnswerProbe> answers(Way way) {
			return this.runs.getOrDefault(way, List.of()).stream().flatMap((run) -> run.answers().stream()).toList();
		}

		long done(Way way) {
			return answers(way).stream().filter((answer) -> answer.error() == null).count();
		}

		long errors(Way way) {
			return answers(way).stream().map(AnswerProbe::error).filter(Objects::nonNull).count();
		}

		Map<String, Long> errorsByKind(Way way) {
			Map<String, Long> kinds = new TreeMap<>();
			this.runs.getOrDefault(way, List.of())
				.forEach((run) -> run.errorsByKind().forEach((kind, count) -> kinds.merge(kind, count, Long::sum)));
			return kinds;
		}

		long lost(Way way) {
			return this.runs.getOrDefault(way, List.of()).stream().mapToLong(RunResult::deltasLost).sum();
		}

		long delivered(Way way) {
			return this.runs.getOrDefault(way, List.of()).stream().mapToLong(RunResult::deltasReceived).sum();
		}

		double firstDelta(Way way, double quantile) {
			return millis(nearestRank(
					answers(way).stream().filter(AnswerProbe::hasFirstDelta).mapToLong(AnswerProbe::firstDeltaNanos),
					quantile));
		}

		double delay(Way way, double quantile) {
			return millis(nearestRank(answers(way).stream().flatMapToLong((answer) -> Arrays.stream(answer.delays())),
					quantile));
		}

		double medianWallSeconds(Way way) {
			return median(this.runs.getOrDefault(way, List.of()).stream().mapToDouble(RunResult::wallSeconds));
		}

		double medianThroughput(Way way) {
			return median(this.runs.getOrDefault(way, List.of())
				.stream()
				.mapToDouble((run) -> run.deltasReceived() / run.spanSeconds()));
		}

		/** Ponder's CPU milliseconds per delta delivered. */
		double cpuPerDelta(Way way) {
			long delivered = delivered(way);
			return (delivered > 0) ? this.cpu.getOrDefault(way, Duration.ZERO).toNanos() / 1e6 / delivered : Double.NaN;
		}

		private static long nearestRank(LongStream values, double quantile) {
			long[] sorted = values.sorted().toArray();
			if (sorted.length == 0) {
				return -1;
			}
			return sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)];
		}

		private static double median(DoubleStream values) {
			double[] sorted = values.filter((value) -> !Double.isNaN(value)).sorted().toArray();
			return (sorted.length == 0) ? Double.NaN : sorted[(sorted.length - 1) / 2];
		}

		private static double millis(long nanos) {
			return (nanos < 0) ? Double.NaN : nanos / 1e6;
		}

	}

}
