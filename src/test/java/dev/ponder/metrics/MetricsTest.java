package dev.ponder.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.Chunks;
import dev.ponder.testing.Gate;
import dev.ponder.testing.FakeGeneration;
import dev.ponder.testing.Script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What {@code /actuator/prometheus} tells an operator after answers stream through the
 * API: tokens and cost by model, time to first token, upstream errors by kind, and the
 * answers streaming now. Each test asks for models of its own, so that series other tests
 * fill do not mix in.
 */
class MetricsTest extends AppTestSupport {

	private static final String ENDPOINT = "openrouter";

	@Test
	void streamedAnswerCountsItsTokensCostAndTimeToFirstToken() {
		String model = "metrics/single";
		upstream.enqueue(Script.answer(List.of("Weigh ", "it."), List.of("Heavy."), Duration.ZERO));

		allEvents(sendTo(model, "How heavy is a secret question?"));

		String scrape = scrape();
		assertThat(value(scrape, tokens(model, "prompt"))).isEqualTo(12);
		assertThat(value(scrape, tokens(model, "completion"))).isEqualTo(3);
		assertThat(value(scrape, tokens(model, "reasoning"))).isEqualTo(2);
		assertThat(value(scrape, cost(model))).isEqualTo(0.0000421);
		assertThat(value(scrape,
				"ponder_upstream_first_token_seconds_count" + labels("endpoint", ENDPOINT, "model", model)))
			.isEqualTo(1);
		assertThat(value(scrape, "ponder_answer_writes_total" + labels("kind", "finish"))).isGreaterThanOrEqualTo(1);
		assertThat(scrape).doesNotContain(API_KEY).doesNotContain("secret question").doesNotContain("Heavy.");
	}

	@Test
	void relayedAnswerCountsTheThinkerAndTheAnswererEachUnderItsModel() {
		String thinker = "metrics/thinker";
		String answerer = "metrics/answerer";
		FakeGeneration thinking = FakeGeneration.unique().servedBy(thinker, "Fake");
		upstream.enqueueFor(thinker,
				Script.stream()
					.chunk(thinking.role())
					.chunk(thinking.reasoning("Think it through."))
					.chunk(thinking.finish("stop"))
					.chunk(thinking.usage(10, 20, 15, 0.002))
					.done());
		FakeGeneration answering = FakeGeneration.unique().servedBy(answerer, "Fake");
		upstream.enqueueFor(answerer,
				Script.stream()
					.chunk(answering.role())
					.chunk(answering.content("Thought through."))
					.chunk(answering.finish("stop"))
					.chunk(answering.usage(40, 5, 0, 0.0001))
					.done());
		UUID conversation = newConversation();

		allEvents(postForEvents("/api/conversations/" + conversation + "/messages", json.writeValueAsString(
				Map.of("content", "Relay this", "model", answerer, "relay", Map.of("thinker", thinker)))));

		String scrape = scrape();
		assertThat(value(scrape, tokens(thinker, "reasoning"))).isEqualTo(15);
		assertThat(value(scrape, cost(thinker))).isEqualTo(0.002);
		assertThat(value(scrape, tokens(answerer, "prompt"))).isEqualTo(40);
		assertThat(value(scrape, cost(answerer))).isEqualTo(0.0001);
	}

	@Test
	void aFailedAnswerCountsTheUsageItsErrorChunkReported() {
		String model = "metrics/paid-failure";
		upstream.enqueueFor(model,
				Script.paidFailure(FakeGeneration.unique().servedBy(model, "Fake"), "Paid thinking"));

		List<ServerSentEvent<String>> events = allEvents(sendTo(model, "Fail after thinking"));

		assertThat(last(events).event()).isEqualTo("error");
		String scrape = scrape();
		assertThat(value(scrape, tokens(model, "reasoning"))).isEqualTo(40);
		assertThat(value(scrape, cost(model))).isEqualTo(0.0123);
	}

	@Test
	void upstreamErrorIsCountedByItsKind() {
		String outOfCredits = "ponder_upstream_errors_total" + labels("endpoint", ENDPOINT, "kind", "out_of_credits");
		double before = value(scrape(), outOfCredits);
		upstream.enqueue(Script.outOfCredits());

		List<ServerSentEvent<String>> events = allEvents(sendTo("metrics/broke", "Anything?"));

		assertThat(last(events).event()).isEqualTo("error");
		assertThat(value(scrape(), outOfCredits)).isEqualTo(before + 1);
	}

	@Test
	void gaugeShowsTheAnswerStreamingWhileItRunsAndNotAfter() {
		// Streams that earlier tests left open end when the fake upstream is reset.
		await().atMost(Duration.ofSeconds(5)).until(() -> streamingNow() == 0);
		Gate gate = new Gate();
		upstream.enqueue(Script.stream()
			.chunk(Chunks.role())
			.chunk(Chunks.reasoning("Still thinking"))
			.waitFor(gate)
			.chunk(Chunks.content("Done."))
			.chunk(Chunks.finish("stop"))
			.done());
		Flux<ServerSentEvent<String>> events = sendTo("metrics/held", "Take your time").cache();
		events.blockFirst(Duration.ofSeconds(5));
		gate.awaitReached();

		assertThat(streamingNow()).isEqualTo(1);

		gate.open();
		allEvents(events);
		await().atMost(Duration.ofSeconds(5)).until(() -> streamingNow() == 0);
	}

	private Flux<ServerSentEvent<String>> sendTo(String model, String content) {
		return postForEvents("/api/conversations/" + newConversation() + "/messages",
				json.writeValueAsString(Map.of("content", content, "model", model)));
	}

	private String scrape() {
		return client().get()
			.uri("/actuator/prometheus")
			.accept(MediaType.TEXT_PLAIN)
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(5));
	}

	private double streamingNow() {
		return value(scrape(), "ponder_answers_streaming");
	}

	private static String tokens(String model, String kind) {
		return "ponder_tokens_total" + labels("endpoint", ENDPOINT, "kind", kind, "model", model);
	}

	private static String cost(String model) {
		return "ponder_cost_dollars_total" + labels("endpoint", ENDPOINT, "model", model);
	}

	/** Prometheus's label set, {@code {name="value",…}}, names in the order given. */
	private static String labels(String... namesAndValues) {
		StringBuilder labels = new StringBuilder("{");
		for (int i = 0; i < namesAndValues.length; i += 2) {
			labels.append((i > 0) ? "," : "").append(namesAndValues[i]).append("=\"").append(namesAndValues[i + 1]);
			labels.append('"');
		}
		return labels.append('}').toString();
	}

	/** The value of one series in the scrape; 0 while nothing has been counted in it. */
	private static double value(String scrape, String series) {
		return scrape.lines()
			.filter((line) -> line.startsWith(series + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(series.length()).strip().split(" ")[0]))
			.findFirst()
			.orElse(0);
	}

}
