package dev.ponder.usage;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ponder.catalog.ModelCatalog;
import dev.ponder.testing.BrowserTestSupport;
import dev.ponder.testing.FakeGeneration;
import dev.ponder.testing.MutableClock;
import dev.ponder.testing.Script;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reasoning cost, against a hand count: seven answers with known tokens, costs and
 * prices, over two days and three conversations, through the fake upstream and a catalog
 * with prices. Per answer, per conversation, per model, per day and in
 * {@code GET /api/usage}; a price change after an answer leaves it at the price it was
 * paid at; a relay adds its thinker's reasoning at the thinker's price; an unpriced model
 * an answer stored before reasoning costs were kept and one whose reasoning tokens were
 * never reported are said to be unknown, not guessed; an answer without reasoning says
 * nothing of it. A relayed answer's tokens include its thinker's, as its cost does.
 *
 * <pre>
 * answer model    day reasoning tokens × price   = reasoning cost  reported cost
 * A1     thinker  1   600 × 0.000002             = 0.0012          0.003
 *        (the thinker's price goes up to 0.000003)
 * A2     thinker  1   1000 × 0.000003            = 0.003           0.0051
 * A3     thinker  1   4000 × 0.000003 = 0.012, at most its cost    = 0.002    0.002
 * A4     unpriced 2   300 × ?                    = unknown         0.0005
 * A5     writer   2   no reasoning               = 0               0.002
 * A6     writer   2   relay: 800 × 0.000003 (thinker) + 100 × 0.00001 = 0.0034   0.0025 + 0.002
 * A7     thinker  2   50, stored before reasoning costs were kept = unknown   0.0001
 * A8     thinker  2   reasoned, tokens not reported = unknown      0.0006
 * conversations: one = A1 A2 A3 A4, two = A5 A7, three = A6, four = A8</pre> <pre>
 * A6's tokens: writer 70 / 300 / 100 + thinker 60 / 900 / 800 = 130 / 1,200 / 900
 * </pre>
 */
@Import(ReasoningCostTest.HandMovedClock.class)
class ReasoningCostTest extends BrowserTestSupport {

	private static final String THINKER = "cost/thinker";

	private static final String WRITER = "cost/writer";

	private static final String UNPRICED = "cost/unpriced";

	private static final Instant DAY_ONE = Instant.parse("2026-11-24T10:00:00Z");

	private static final Instant DAY_TWO = Instant.parse("2026-11-25T10:00:00Z");

	private static final Path SHOTS = Path.of("/tmp/shots/cost");

	/** The conversations seeded, once for the class: one, two, three. */
	private static List<UUID> conversations;

	/** The answers seeded, A1 to A7. */
	private static List<String> answers;

	@Autowired
	MutableClock clock;

	@Autowired
	ModelCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper appJson;

	/** A database of its own, so that the sums are of this class's answers only. */
	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:reasoning-cost-test;DB_CLOSE_DELAY=-1");
	}

	@TestConfiguration
	static class HandMovedClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(DAY_ONE);
		}

	}

	@Test
	void eachAnswerShowsWhatItsReasoningCostAtThePriceItWasPaidAt() {
		seed();

		assertThat(reasoningCost(0)).isEqualByComparingTo("0.0012");
		assertThat(metaLine(0)).contains("$0.003 (≈ $0.0012 reasoning)");
		assertThat(reasoningCost(1)).as("at the new price").isEqualByComparingTo("0.003");
		assertThat(reasoningCost(2)).as("never more than the cost reported").isEqualByComparingTo("0.002");
		assertThat(metaLine(2)).contains("$0.002 (≈ $0.002 reasoning)");
		assertThat(answer(3).get("reasoningCost").isNull()).as("an unpriced model's, unknown").isTrue();
		assertThat(metaLine(3)).contains("$0.0005 (reasoning cost unknown)");
		assertThat(reasoningCost(4)).isEqualByComparingTo("0");
		assertThat(metaLine(4)).contains("$0.002").doesNotContain("reasoning");
		assertThat(reasoningCost(5)).as("a relay: thinker's and answerer's, each at its price")
			.isEqualByComparingTo("0.0034");
		assertThat(metaLine(5)).contains("$0.0045 (≈ $0.0034 reasoning)");
		assertThat(answer(6).get("reasoningCost").isNull()).as("stored before reasoning costs were kept").isTrue();
		assertThat(metaLine(6)).contains("$0.0001 (reasoning cost unknown)");
		assertThat(answer(7).get("reasoningCost").isNull()).as("reasoned, its tokens never reported").isTrue();
		assertThat(metaLine(7)).contains("$0.0006 (reasoning cost unknown)");
	}

	@Test
	void eachConversationTotalsItsReasoningShareAndHowManyAnswersAreUnknown() {
		seed();

		JsonNode one = conversation(conversations.get(0));
		assertThat(one.get("totals").get("cost").decimalValue()).isEqualByComparingTo("0.0106");
		assertThat(one.get("totals").get("reasoningCost").decimalValue()).isEqualByComparingTo("0.0062");
		assertThat(one.get("totals").get("reasoningCostUnknown").asInt()).isEqualTo(1);
		assertThat(one.get("totalsLine").asString()).endsWith("$0.011 (≈ $0.0062 reasoning; unknown for 1 answer)");

		JsonNode two = conversation(conversations.get(1));
		assertThat(two.get("totals").get("reasoningCost").decimalValue()).isEqualByComparingTo("0");
		assertThat(two.get("totals").get("reasoningCostUnknown").asInt()).isEqualTo(1);
		assertThat(two.get("totalsLine").asString()).endsWith("$0.0021 (reasoning cost unknown)");

		JsonNode three = conversation(conversations.get(2));
		assertThat(three.get("totals").get("reasoningCost").decimalValue()).isEqualByComparingTo("0.0034");
		assertThat(three.get("totals").get("reasoningCostUnknown").asInt()).isZero();
		assertThat(three.get("totalsLine").asString()).endsWith("$0.0045 (≈ $0.0034 reasoning)");
		assertThat(three.get("totals").get("reasoningTokens").asInt()).as("the thinker's 800 and the writer's 100")
			.isEqualTo(900);
		assertThat(three.get("totals").get("completionTokens").asInt()).isEqualTo(1200);

		assertThat(html("/c/" + conversations.get(0))).contains("(≈ $0.0062 reasoning; unknown for 1 answer)")
			.contains("$0.003 (≈ $0.0012 reasoning)");
	}

	@Test
	void usageCountsReasoningCostBesideCostInTotalByModelAndByDay() {
		seed();

		JsonNode usage = json.readTree(get("/api/usage?days=2&zone=UTC", MediaType.APPLICATION_JSON));

		assertThat(usage.get("cost").decimalValue()).isEqualByComparingTo("0.0178");
		assertThat(usage.get("reasoningCost").decimalValue()).isEqualByComparingTo("0.0096");
		assertThat(usage.get("reasoningCostUnknown").asLong()).isEqualTo(3);
		assertThat(usage.get("answers").asLong()).isEqualTo(8);
		assertThat(rows(usage.get("byModel"), "model")).containsExactly(THINKER + ": 0.0108, 0.0062, 2 unknown, 5",
				WRITER + ": 0.0065, 0.0034, 0 unknown, 2", UNPRICED + ": 0.0005, 0, 1 unknown, 1");
		JsonNode writer = usage.get("byModel").get(1);
		assertThat(List.of(writer.get("promptTokens").asLong(), writer.get("completionTokens").asLong(),
				writer.get("reasoningTokens").asLong()))
			.as("A5 and A6, A6's thinker's tokens included as its cost is")
			.containsExactly(170L, 1400L, 900L);
		assertThat(rows(usage.get("byDay"), "day")).containsExactly("2026-11-24: 0.0101, 0.0062, 0 unknown, 3",
				"2026-11-25: 0.0077, 0.0034, 3 unknown, 5");
		assertThat(usage.get("byDay").get(1).get("reasoningTokens").asLong()).as("A4 300, A6 900, A7 50")
			.isEqualTo(1250);

		String page = html("/usage?days=7");
		assertThat(page).contains("≈ $0.0096</span> of it reasoning<span> (54 %)</span>")
			.contains("Reasoning cost unknown for 3 answers")
			.contains(">≈ $0.0062, unknown for 2 answers<")
			.contains(">≈ $0.0034<")
			.contains(">unknown for 1 answer<")
			.contains("Wed 25 Nov 2026: $0.0077, 5 answers, reasoning ≈ $0.0034, unknown for 3 answers");
	}

	/**
	 * Amounts as a script reads the raw JSON: plain digits, no exponent, and a zero as
	 * {@code 0} (not the column's {@code 0E-10}), as docs/api.md promises.
	 */
	@Test
	void amountsArePlainDecimalsInTheRawJson() {
		seed();
		String usage = get("/api/usage?days=2&zone=UTC", MediaType.APPLICATION_JSON);
		String withoutReasoning = get("/api/conversations/" + conversations.get(1), MediaType.APPLICATION_JSON);
		String reasoned = get("/api/conversations/" + conversations.get(0), MediaType.APPLICATION_JSON);

		assertThat(usage).contains("\"reasoningCost\":0,").containsPattern("\"reasoningCost\":0\\.0096,");
		assertThat(withoutReasoning).as("A5, which did not reason").contains("\"reasoningCost\":0,");
		assertThat(reasoned).contains("\"reasoningCost\":0.0012,");
		for (String body : List.of(usage, withoutReasoning, reasoned)) {
			assertThat(body).doesNotContainPattern(":-?[0-9.]+[eE]");
		}
		assertThat(this.appJson.writeValueAsString(new BigDecimal("1.234E-7"))).as("the app's own JSON, a tiny amount")
			.isEqualTo("0.0000001234");
	}

	/**
	 * The usage page and a conversation's header and meta lines in Chromium, wide and
	 * phone, light and dark, saved under /tmp/shots/cost.
	 */
	@ParameterizedTest(name = "{0} {3}")
	@MethodSource("looks")
	void thePagesShowTheReasoningShare(String name, int width, int height, ColorScheme scheme) {
		seed();
		String look = name + "-" + scheme.name().toLowerCase();
		try (BrowserContext context = newContext(
				new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(width, height)
					.setColorScheme(scheme)
					.setTimezoneId("UTC"))) {
			Page usagePage = context.newPage();
			usagePage.navigate("/usage?days=7");
			Locator thinkerRow = usagePage.locator("tr[data-model='" + THINKER + "']");
			// Its own column when wide; under the cost on a phone.
			Locator shown = thinkerRow.locator("phone".equals(name) ? ".reasoning-under" : ".reasoning-cost");
			assertThat(shown).isVisible();
			assertThat(shown).containsText("≈ $0.0062, unknown for 2 answers");
			assertThat(usagePage.locator("[data-reasoning-total]")).hasText("≈ $0.0096 of it reasoning (54 %)");
			assertThat(usagePage.locator("[data-reasoning-unknown]")).hasText("Reasoning cost unknown for 3 answers");
			assertThat(usagePage.locator(".chart-reasoning")).hasCount(2);
			usagePage.locator(".chart-table summary").click();
			assertThat(usagePage.locator("tr[data-day='2026-11-25'] .reasoning-cost"))
				.hasText("≈ $0.0034, unknown for 3 answers");
			usagePage.screenshot(
					new Page.ScreenshotOptions().setPath(SHOTS.resolve("usage-" + look + ".png")).setFullPage(true));
			assertFits(usagePage);
			usagePage.locator("section[aria-labelledby=models-heading]")
				.screenshot(new Locator.ScreenshotOptions().setPath(SHOTS.resolve("usage-models-" + look + ".png")));

			Page chat = context.newPage();
			chat.navigate("/c/" + conversations.get(0));
			assertThat(chat.locator(".chat-totals")).containsText("(≈ $0.0062 reasoning; unknown for 1 answer)");
			assertThat(chat.locator("article.message--assistant").first()).containsText("$0.003 (≈ $0.0012 reasoning)");
			chat.locator("article.message--assistant").last().scrollIntoViewIfNeeded();
			chat.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("conversation-" + look + ".png")));
			assertFits(chat);
		}
	}

	/** Seeds the seven answers once for the class: every test reads the same figures. */
	private synchronized void seed() {
		if (conversations != null) {
			return;
		}
		this.clock.advance(Duration.between(this.clock.instant(), DAY_ONE));
		upstream.models(models("0.000002"));
		this.catalog.refresh();
		UUID one = newConversation();
		UUID two = newConversation();
		UUID three = newConversation();
		UUID four = newConversation();
		List<String> seeded = new ArrayList<>();
		seeded.add(ask(one, THINKER, 100, 1000, 600, 0.003));
		upstream.models(models("0.000003"));
		this.catalog.refresh();
		seeded.add(ask(one, THINKER, 200, 1500, 1000, 0.0051));
		seeded.add(ask(one, THINKER, 300, 4100, 4000, 0.002));
		this.clock.advance(Duration.between(DAY_ONE, DAY_TWO));
		seeded.add(ask(one, UNPRICED, 50, 400, 300, 0.0005));
		seeded.add(ask(two, WRITER, 40, 200, 0, 0.002));
		upstream.enqueueFor(THINKER, answer(THINKER, 60, 900, 800, 0.0025));
		upstream.enqueueFor(WRITER, answer(WRITER, 70, 300, 100, 0.002));
		seeded.add(answerId(postForEvents("/api/conversations/" + three + "/messages", json.writeValueAsString(
				Map.of("content", "Think it through first", "model", WRITER, "relay", Map.of("thinker", THINKER))))));
		seeded.add(ask(two, THINKER, 10, 80, 50, 0.0001));
		// As an answer stored before the column was there: its price then is not known.
		this.jdbc.sql("UPDATE message SET reasoning_cost = NULL WHERE id = ?")
			.param(UUID.fromString(seeded.get(6)))
			.update();
		upstream.enqueueFor(THINKER, answerWithoutReasoningCount(THINKER, 20, 300, 0.0006));
		seeded.add(answerId(postForEvents("/api/conversations/" + four + "/messages",
				json.writeValueAsString(Map.of("content", "Think, uncounted", "model", THINKER)))));
		answers = List.copyOf(seeded);
		conversations = List.of(one, two, three, four);
	}

	private String ask(UUID conversation, String model, int prompt, int completion, int reasoning, double cost) {
		upstream.enqueueFor(model, answer(model, prompt, completion, reasoning, cost));
		return answerId(postForEvents("/api/conversations/" + conversation + "/messages",
				json.writeValueAsString(Map.of("content", "Question for " + model, "model", model))));
	}

	private String answerId(reactor.core.publisher.Flux<org.springframework.http.codec.ServerSentEvent<String>> sent) {
		var events = allEvents(sent);
		assertThat(last(events).event()).isEqualTo("done");
		return data(events.get(0)).get("assistantMessageId").asString();
	}

	private static Script answer(String model, int prompt, int completion, int reasoning, double cost) {
		FakeGeneration generation = FakeGeneration.unique().servedBy(model, "Priced Provider");
		Script script = Script.stream(generation).chunk(generation.role());
		if (reasoning > 0) {
			script.chunk(generation.reasoning("Weighing it up."));
		}
		return script.chunk(generation.content("An answer."))
			.chunk(generation.finish("stop"))
			.chunk(generation.usage(prompt, completion, reasoning, cost))
			.done();
	}

	/**
	 * An answer that streams reasoning while its usage has no reasoning token count, as
	 * many OpenAI-style servers send it.
	 */
	private static Script answerWithoutReasoningCount(String model, int prompt, int completion, double cost) {
		FakeGeneration generation = FakeGeneration.unique().servedBy(model, "Priced Provider");
		ObjectNode usage = (ObjectNode) json.readTree(generation.usage(prompt, completion, 0, cost));
		((ObjectNode) usage.get("usage")).remove("completion_tokens_details");
		return Script.stream(generation)
			.chunk(generation.role())
			.chunk(generation.reasoning("Weighing it up, uncounted."))
			.chunk(generation.content("An answer."))
			.chunk(generation.finish("stop"))
			.chunk(json.writeValueAsString(usage))
			.done();
	}

	/** The listing: the thinker at the given completion price per token. */
	private static String models(String thinkerPrice) {
		return """
				{"data": [
				  {"id": "%s", "name": "Thinker", "context_length": 100000,
				   "pricing": {"prompt": "0.000001", "completion": "%s", "internal_reasoning": "0"},
				   "supported_parameters": ["reasoning", "include_reasoning", "max_tokens"]},
				  {"id": "%s", "name": "Writer", "context_length": 100000,
				   "pricing": {"prompt": "0.000002", "completion": "0.00001"},
				   "supported_parameters": ["reasoning", "include_reasoning", "max_tokens"]},
				  {"id": "%s", "name": "Unpriced", "context_length": 100000,
				   "supported_parameters": ["reasoning", "include_reasoning", "max_tokens"]}
				]}""".formatted(THINKER, thinkerPrice, WRITER, UNPRICED);
	}

	private JsonNode answer(int index) {
		for (UUID conversation : conversations) {
			for (JsonNode message : conversation(conversation).get("messages")) {
				if (message.get("id").asString().equals(answers.get(index))) {
					return message;
				}
			}
		}
		throw new AssertionError("answer A" + (index + 1) + " is not on any conversation's branch");
	}

	private BigDecimal reasoningCost(int index) {
		return answer(index).get("reasoningCost").decimalValue();
	}

	private String metaLine(int index) {
		return answer(index).get("metaLine").asString();
	}

	private String html(String path) {
		return get(path, MediaType.TEXT_HTML);
	}

	private String get(String path, MediaType type) {
		return client().get()
			.uri(path)
			.accept(type)
			.header("Cookie", "ponder_zone=UTC")
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(10));
	}

	/** "model: cost, reasoning cost, N unknown, answers", plain decimals. */
	private static List<String> rows(JsonNode rows, String key) {
		return rows.valueStream()
			.map((row) -> row.get(key).asString() + ": " + plain(row.get("cost")) + ", "
					+ plain(row.get("reasoningCost")) + ", " + row.get("reasoningCostUnknown").asLong() + " unknown, "
					+ row.get("answers").asLong())
			.toList();
	}

	private static String plain(JsonNode amount) {
		return amount.decimalValue().stripTrailingZeros().toPlainString();
	}

}
