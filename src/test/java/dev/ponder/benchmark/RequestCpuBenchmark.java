package dev.ponder.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.ponder.testing.Api;
import dev.ponder.testing.PonderProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How much of Ponder's CPU one request costs, warm: creating a conversation, and sending
 * a message whose tiny answer is read to its end, beside {@code GET /actuator/health}
 * measured in the same run. CPU time is the whole process's (every thread, the
 * collector's too) over a few hundred requests made one after the other, divided by their
 * number. Run with {@code ./mvnw -Pbenchmark test -Dtest=RequestCpuBenchmark}; writes
 * {@code target/benchmark/request-cpu.md}.
 */
@Tag("benchmark")
class RequestCpuBenchmark {

	private static final Path RESULTS = Path.of("target", "benchmark");

	private static final int WARM_UP = Integer.getInteger("bench.warmUpRequests", 300);

	private static final int HEALTH_CHECKS = 200;

	private static final int CONVERSATIONS = 200;

	private static final int MESSAGES = 100;

	/** Three deltas, a millisecond apart, at once: the answer costs next to nothing. */
	private static final AnswerShape TINY = new AnswerShape(Duration.ZERO, 3, 2, Duration.ofMillis(1));

	@Test
	void creatingAConversationAndSendingAMessageCostLittleCpu() throws IOException {
		List<BenchmarkDatabase> databases = BenchmarkDatabase.named(System.getProperty("bench.db", "h2,postgres"));
		StringBuilder report = new StringBuilder("# CPU per request, " + LocalDate.now() + "\n");
		try (StampingUpstream upstream = StampingUpstream.start(TINY)) {
			for (BenchmarkDatabase database : databases) {
				report.append(database.unavailable()
					.map((reason) -> "\n" + reason + "\n")
					.orElseGet(() -> measure(database, upstream)));
			}
		}
		System.out.println(report);
		Files.createDirectories(RESULTS);
		Files.writeString(RESULTS.resolve("request-cpu.md"), report);
	}

	private String measure(BenchmarkDatabase database, StampingUpstream upstream) {
		try (PonderProcess ponder = database.start(upstream, List.of("-Xmx512m"),
				RESULTS.resolve("request-cpu-" + database.key()))) {
			Api api = Api.anonymous(ponder.port());
			repeat(WARM_UP, (i) -> health(api));
			List<String> warmConversations = repeat(WARM_UP, (i) -> newConversation(api));
			repeat(WARM_UP, (i) -> send(api, warmConversations.get(i)));
			List<String> conversations = repeat(MESSAGES, (i) -> newConversation(api));
			String load = LoadAverage.now();
			StringBuilder out = new StringBuilder("\n## " + database.title() + "\n\nLoad average " + load
					+ " before.\n\n| request | count | CPU ms per request | × health | wall ms per request |\n"
					+ "| --- | ---: | ---: | ---: | ---: |\n");
			Cost health = cost(ponder, HEALTH_CHECKS, (i) -> health(api));
			row(out, "`GET /actuator/health` (baseline)", health, health);
			row(out, "`POST /api/conversations`", cost(ponder, CONVERSATIONS, (i) -> newConversation(api)), health);
			row(out, "`POST /api/conversations/{id}/messages`, read to `done`",
					cost(ponder, MESSAGES, (i) -> send(api, conversations.get(i))), health);
			out.append("\nLoad average ").append(LoadAverage.now()).append(" after.\n");
			return out.toString();
		}
	}

	/**
	 * The process's CPU time and the wall time over {@code count} requests, per request.
	 */
	private static Cost cost(PonderProcess ponder, int count, IntFunction<?> request) {
		Duration cpuBefore = ponder.cpuTime();
		long start = System.nanoTime();
		repeat(count, request);
		double wallMillis = (System.nanoTime() - start) / 1e6;
		double cpuMillis = ponder.cpuTime().minus(cpuBefore).toNanos() / 1e6;
		return new Cost(count, cpuMillis / count, wallMillis / count);
	}

	private static <T> List<T> repeat(int count, IntFunction<T> request) {
		List<T> results = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			results.add(request.apply(i));
		}
		return results;
	}

	private static int health(Api api) {
		Api.Reply reply = api.get("/actuator/health");
		assertThat(reply.status()).as("health").isEqualTo(200);
		return reply.status();
	}

	private static String newConversation(Api api) {
		Api.Reply reply = api.post("/api/conversations", "{}");
		assertThat(reply.status()).as("POST /api/conversations: %s", reply).isEqualTo(201);
		return reply.body().get("id").asString();
	}

	private static String send(Api api, String conversation) {
		Api.Reply reply = api.post("/api/conversations/" + conversation + "/messages", "{\"content\":\"Quick one?\"}");
		assertThat(reply.text()).as("the answer's events").contains("event:done");
		return reply.text();
	}

	private static void row(StringBuilder out, String what, Cost cost, Cost baseline) {
		out.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.1f | %.2f |%n", what, cost.count(),
				cost.cpuMillis(), cost.cpuMillis() / baseline.cpuMillis(), cost.wallMillis()));
	}

	private record Cost(int count, double cpuMillis, double wallMillis) {
	}

}
