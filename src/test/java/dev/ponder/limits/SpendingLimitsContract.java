package dev.ponder.limits;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.ponder.catalog.ModelCatalog;
import dev.ponder.conversation.MessageService;
import dev.ponder.testing.Api;
import dev.ponder.testing.AtOnce;
import dev.ponder.testing.FakeGeneration;
import dev.ponder.testing.Gate;
import dev.ponder.testing.MutableClock;
import dev.ponder.testing.Script;
import dev.ponder.testing.TwoPeopleApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Spending limits with accounts on: the administrator sets them, a person over one is
 * refused before anything is stored, with a sentence that says which limit, how much was
 * spent and when it resets, and answers started at once overshoot a limit by one answer's
 * reservation at most, because the database decides. Run on H2 and PostgreSQL.
 */
@Import(SpendingLimitsContract.MidDayClock.class)
abstract class SpendingLimitsContract extends TwoPeopleApplication {

	/**
	 * Noon on the 15th: a day and a month that no test runs across, whenever it runs.
	 */
	static final Instant NOON_MID_MONTH = Instant.parse("2026-12-15T12:00:00Z");

	@TestConfiguration
	static class MidDayClock {

		@Bean
		@Primary
		MutableClock midDayClock() {
			return new MutableClock(NOON_MID_MONTH);
		}

	}

	@Autowired
	SpendingGate gate;

	@Autowired
	SpendingStore store;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ModelCatalog catalog;

	@Autowired
	MessageService messages;

	@Test
	void answersStartedAtOnceOvershootTheLimitByOneReservationAtMost() {
		UUID owner = UUID.randomUUID();
		this.store.ensureRow(owner);
		this.store.setOwnLimits(owner, new SpendingLimits(new BigDecimal("1.00"), null));
		BigDecimal reservation = new BigDecimal("0.30");
		List<Supplier<Boolean>> sends = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			sends.add(() -> {
				try {
					return !this.gate.reserve(owner, List.of(reservation)).isEmpty();
				}
				catch (LimitReachedException ex) {
					return false;
				}
			});
		}

		List<Boolean> started = AtOnce.call(sends);

		// 0, 0.30, 0.60 and 0.90 are under $1: four start, the fifth sees $1.20 held.
		assertThat(started.stream().filter(Boolean::booleanValue).count()).isEqualTo(4);
		BigDecimal held = this.store.held(owner, java.time.Instant.EPOCH);
		assertThat(held).isEqualByComparingTo("1.20");
		assertThat(held.subtract(new BigDecimal("1.00"))).isLessThanOrEqualTo(reservation);
	}

	@Test
	void theAdministratorSetsAndClearsLimitsAndSeesWhatEachPersonSpent() {
		String alice = idOf("alice");

		Api.Reply set = root().call("PATCH", "/api/admin/users/" + alice,
				"{\"dailyLimit\": 5, \"monthlyLimit\": 40.5}");

		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		assertThat(set.body().get("dailyLimit").decimalValue()).isEqualByComparingTo("5");
		assertThat(set.body().get("monthlyLimit").decimalValue()).isEqualByComparingTo("40.5");
		assertThat(set.body().get("spentToday").isNumber()).isTrue();
		assertThat(set.body().get("spentThisMonth").isNumber()).isTrue();
		Api.Reply mine = alice().get("/api/account");
		assertThat(mine.body().get("dailyLimit").decimalValue()).isEqualByComparingTo("5");
		Api.Reply chip = alice().get("/api/limits");
		assertThat(chip.body().get("left").decimalValue()).isPositive();
		assertThat(chip.body().get("leftPer").asString()).isEqualTo("day");

		Api.Reply onlyMonth = root().call("PATCH", "/api/admin/users/" + alice, "{\"dailyLimit\": null}");
		assertThat(onlyMonth.body().get("dailyLimit").isNull()).isTrue();
		assertThat(onlyMonth.body().get("monthlyLimit").decimalValue()).isEqualByComparingTo("40.5");

		Api.Reply negative = root().call("PATCH", "/api/admin/users/" + alice, "{\"monthlyLimit\": -1}");
		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.body().get("detail").asString()).isEqualTo(
				"A monthly limit is an amount of US dollars from 0 to 10,000,000, null for the default, or \"none\" for no limit; "
						+ "-1 is not one.");
		Api.Reply words = root().call("PATCH", "/api/admin/users/" + alice, "{\"dailyLimit\": \"five\"}");
		assertThat(words.status()).isEqualTo(400);
		assertThat(words.body().get("detail").asString()).contains("dailyLimit is an amount of US dollars");
		assertThat(root().get("/api/admin/users/" + alice).body().get("monthlyLimit").decimalValue())
			.as("a refused change changes nothing")
			.isEqualByComparingTo("40.5");
		assertThat(alice().call("PATCH", "/api/admin/users/" + alice, "{\"dailyLimit\": 1000}").status())
			.isEqualTo(403);
		root().call("PATCH", "/api/admin/users/" + alice, "{\"dailyLimit\": null, \"monthlyLimit\": null}");
	}

	@Test
	void aSendOverTheDailyLimitIsRefusedBeforeAnythingIsStoredAndSaysWhenItResets() {
		Api carol = person("carol");
		String carolId = idOf("carol");
		root().call("PATCH", "/api/admin/users/" + carolId, "{\"dailyLimit\": 0.50}");
		String conversation = carol.post("/api/conversations", "{\"title\":\"Sandpiper budget\"}")
			.body()
			.get("id")
			.asString();
		upstream.enqueue(Script.costing("Seventy-five cents of words.", 0.75));
		Api.Reply first = carol.post("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Spend it\",\"model\":\"deepseek/deepseek-r1\"}");
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		double refusedBefore = refusals("daily");

		Api.Reply second = carol.post("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"One more?\",\"model\":\"deepseek/deepseek-r1\"}");

		assertThat(second.status()).as(second.toString()).isEqualTo(402);
		assertThat(second.body().get("code").asString()).isEqualTo("limit_reached");
		assertThat(second.body().get("detail").asString())
			.isEqualTo("Your daily spending limit of $0.50 is reached: $0.75 spent today. It resets at 00:00 UTC.");
		assertThat(carol.get("/api/conversations/" + conversation).body().get("messages").size())
			.as("nothing of the refused question is stored")
			.isEqualTo(2);
		assertThat(chatRequests()).isEqualTo(1);
		assertThat(refusals("daily")).isEqualTo(refusedBefore + 1);
		Api.Reply seen = root().get("/api/admin/users/" + carolId);
		assertThat(seen.body().get("spentToday").decimalValue()).isEqualByComparingTo("0.75");
		assertThat(seen.body().get("spentThisMonth").decimalValue()).isEqualByComparingTo("0.75");
		assertThat(carol.get("/api/limits").body().get("left").decimalValue()).isEqualByComparingTo("0");

		// Deleted, and purged from the trash for good: what it cost still counts.
		assertThat(carol.call("DELETE", "/api/conversations/" + conversation, null).status()).isEqualTo(204);
		this.jdbc.update("DELETE FROM conversation WHERE id = ?", UUID.fromString(conversation));
		assertThat(root().get("/api/admin/users/" + carolId).body().get("spentToday").decimalValue())
			.isEqualByComparingTo("0.75");
		String another = carol.post("/api/conversations", "{\"title\":\"Sandpiper again\"}")
			.body()
			.get("id")
			.asString();
		assertThat(carol
			.post("/api/conversations/" + another + "/messages",
					"{\"content\":\"Fresh start?\",\"model\":\"deepseek/deepseek-r1\"}")
			.status()).isEqualTo(402);
	}

	@Test
	void aMonthlyLimitSaysTheFirstOfNextMonth() {
		Api dave = person("dave");
		root().call("PATCH", "/api/admin/users/" + idOf("dave"), "{\"monthlyLimit\": 0}");
		String conversation = dave.post("/api/conversations", "{\"title\":\"Dunlin month\"}")
			.body()
			.get("id")
			.asString();
		double refusedBefore = refusals("monthly");

		Api.Reply refused = dave.post("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Anything?\",\"model\":\"deepseek/deepseek-r1\"}");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(402);
		assertThat(refused.body().get("detail").asString())
			.isEqualTo("Your monthly spending limit of $0 is reached: $0 spent this month. "
					+ "It resets on 1 January at 00:00 UTC.");
		assertThat(refusals("monthly")).isEqualTo(refusedBefore + 1);
		assertThat(chatRequests()).isZero();
	}

	@Test
	void anAnswerInFlightIsHeldAgainstTheLimitUntilItEndsAndThenCountsByItsCost() throws Exception {
		this.catalog.refresh();
		Api erin = person("erin");
		root().call("PATCH", "/api/admin/users/" + idOf("erin"), "{\"dailyLimit\": 1}");
		String conversation = erin.post("/api/conversations", "{\"title\":\"Godwit in flight\"}")
			.body()
			.get("id")
			.asString();
		Gate gate = new Gate();
		FakeGeneration generation = FakeGeneration.unique();
		upstream.enqueue(Script.stream(generation)
			.chunk(generation.role())
			.chunk(generation.content("Slowly"))
			.waitFor(gate)
			.chunk(generation.finish("stop"))
			.chunk(generation.usage(10, 10, 0, 0.0001))
			.done());
		CompletableFuture<Api.Reply> asking = CompletableFuture.supplyAsync(() -> erin.post(
				"/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Take your time\",\"model\":\"deepseek/deepseek-r1\",\"parameters\":{\"maxTokens\":1000}}"));
		gate.awaitReached();

		// 1000 completion tokens at $2 a million, and the prompt at $0.40 a million.
		BigDecimal held = erin.get("/api/limits").body().get("held").decimalValue();
		assertThat(held).isBetween(new BigDecimal("0.002"), new BigDecimal("0.0021"));
		gate.open();
		assertThat(asking.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
		assertThat(erin.get("/api/limits").body().get("held").decimalValue()).isEqualByComparingTo("0");
		assertThat(erin.get("/api/limits").body().get("spentToday").decimalValue()).isEqualByComparingTo("0.0001");
	}

	@Test
	void aModelTheAdministratorDoesNotAllowIsRefusedBeforeAnythingIsStored() {
		Api frank = person("frank");
		String frankId = idOf("frank");
		Api.Reply set = root().call("PATCH", "/api/admin/users/" + frankId, "{\"allowedModels\": [\"openai/*\"]}");
		assertThat(set.body().get("allowedModels").get(0).asString()).isEqualTo("openai/*");
		String conversation = frank.post("/api/conversations", "{\"title\":\"Fulmar models\"}")
			.body()
			.get("id")
			.asString();
		double refusedBefore = refusals("model");

		Api.Reply refused = frank.post("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"Which one?\",\"model\":\"deepseek/deepseek-r1\"}");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(refused.body().get("code").asString()).isEqualTo("model_not_allowed");
		assertThat(refused.body().get("detail").asString()).isEqualTo(
				"deepseek/deepseek-r1 is not one of the models you may use (openai/*); your administrator decides which.");
		assertThat(frank.get("/api/conversations/" + conversation).body().get("messages").size()).isZero();
		assertThat(refusals("model")).isEqualTo(refusedBefore + 1);
		assertThat(root().call("PATCH", "/api/admin/users/" + frankId, "{\"allowedModels\": \"deepseek\"}").status())
			.isEqualTo(400);

		root().call("PATCH", "/api/admin/users/" + frankId, "{\"allowedModels\": [\"deepseek/*\"]}");
		upstream.enqueue(Script.answer(List.of("Hm."), List.of("This one."), java.time.Duration.ZERO));
		assertThat(frank
			.post("/api/conversations/" + conversation + "/messages",
					"{\"content\":\"Which one?\",\"model\":\"deepseek/deepseek-r1\"}")
			.status()).isEqualTo(200);
		assertThat(root().call("PATCH", "/api/admin/users/" + frankId, "{\"allowedModels\": null}")
			.body()
			.get("allowedModels")
			.isNull()).isTrue();
	}

	@Test
	void anAnswerStoppedMidStreamCountsByAnEstimateAndTheNextSendOverTheLimitIsRefused() throws Exception {
		this.catalog.refresh();
		Api grace = person("grace");
		String graceId = idOf("grace");
		// A tenth of a thousandth of a dollar: under it until the stopped answer counts.
		root().call("PATCH", "/api/admin/users/" + graceId, "{\"dailyLimit\": 0.0001}");
		String conversation = grace.post("/api/conversations", "{\"title\":\"Grebe stopped\"}")
			.body()
			.get("id")
			.asString();
		Gate gate = new Gate();
		FakeGeneration generation = FakeGeneration.unique();
		// 400 characters, about 100 tokens: $0.0002 at R1's $2 a million.
		String written = "Dabbling grebes dive. ".repeat(18) + "Grebe";
		upstream.enqueue(Script.stream(generation)
			.chunk(generation.role())
			.chunk(generation.content(written))
			.waitFor(gate)
			.chunk(generation.content(" never billed words"))
			.chunk(generation.finish("stop"))
			.chunk(generation.usage(10, 10, 0, 0.0000001))
			.done());
		CompletableFuture<Api.Reply> asking;
		try {
			asking = CompletableFuture.supplyAsync(() -> grace.post("/api/conversations/" + conversation + "/messages",
					"{\"content\":\"Talk at length\",\"model\":\"deepseek/deepseek-r1\",\"parameters\":{\"maxTokens\":1000}}"));
			gate.awaitReached();
			String answer = grace.get("/api/conversations/" + conversation)
				.body()
				.get("messages")
				.valueStream()
				.filter((message) -> message.get("role").asString().equals("assistant"))
				.findFirst()
				.orElseThrow()
				.get("id")
				.asString();

			Api.Reply stopped = grace.post("/api/messages/" + answer + "/stop", "");

			assertThat(stopped.status()).as(stopped.toString()).isLessThan(300);
			assertThat(asking.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
			assertThat(grace.get("/api/conversations/" + conversation)
				.body()
				.get("messages")
				.get(1)
				.get("status")
				.asString()).isEqualTo("STOPPED");
			BigDecimal spent = grace.get("/api/limits").body().get("spentToday").decimalValue();
			assertThat(spent).as("the prompt and 100 tokens written, well under the $0.002 held")
				.isBetween(new BigDecimal("0.0002"), new BigDecimal("0.00021"));
			assertThat(this.jdbc.queryForObject("SELECT estimated FROM spending_ledger WHERE answer_id = ?",
					Boolean.class, UUID.fromString(answer)))
				.isTrue();
		}
		finally {
			gate.open();
		}

		Api.Reply refused = grace.post("/api/conversations/" + conversation + "/messages",
				"{\"content\":\"And more?\",\"model\":\"deepseek/deepseek-r1\"}");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(402);
		assertThat(refused.body().get("detail").asString())
			.startsWith("Your daily spending limit of $0.0001 is reached");
		assertThat(chatRequests()).isEqualTo(1);
	}

	@Test
	void aCompareOverTheLimitSaysWhatItCouldCostApartFromTheAnswersRunning() {
		UUID owner = UUID.randomUUID();
		this.store.ensureRow(owner);
		this.store.setOwnLimits(owner, new SpendingLimits(new BigDecimal("1.00"), null));
		// An answer of another tab, still being written.
		this.gate.reserve(owner, List.of(new BigDecimal("0.60")));

		assertThatThrownBy(() -> this.gate.reserve(owner,
				List.of(new BigDecimal("0.50"), new BigDecimal("0.50"), new BigDecimal("0.50"))))
			.isInstanceOf(LimitReachedException.class)
			.hasMessage(
					"This compare's 3 answers could cost up to $1.50; $0.40 is left today " + "(resets at 00:00 UTC).");
		assertThat(this.store.held(owner, Instant.EPOCH)).as("the refused compare holds nothing")
			.isEqualByComparingTo("0.60");

		this.gate.reserve(owner, List.of(new BigDecimal("0.40")));
		assertThatThrownBy(() -> this.gate.reserve(owner, List.of(new BigDecimal("0.50"), new BigDecimal("0.50"))))
			.isInstanceOf(LimitReachedException.class)
			.hasMessage("Your daily spending limit of $1 is reached: $0 spent today and up to $1 held for "
					+ "answers still being written. It resets at 00:00 UTC.");
	}

	@Test
	void thePromptHeldCountsTheSystemPromptAndTheTextOfTheFilesSent() {
		Api hana = person("hana");
		String conversation = hana.post("/api/conversations", "{\"title\":\"Heron prompt\"}")
			.body()
			.get("id")
			.asString();
		UUID id = UUID.fromString(conversation);
		assertThat(this.store.conversationCharacters(id)).isZero();

		hana.call("PATCH", "/api/conversations/" + conversation, "{\"systemPrompt\":\"" + "h".repeat(4000) + "\"}");
		UUID file = UUID.randomUUID();
		this.jdbc.update(
				"INSERT INTO attachment (id, conversation_id, name, content_type, size_bytes, kind, sha256, "
						+ "created_at) VALUES (?, ?, 'heron.txt', 'text/plain', 6000, 'TEXT', 'x', ?)",
				file, id, java.sql.Timestamp.from(NOON_MID_MONTH));
		this.jdbc.update(
				"INSERT INTO attachment (id, conversation_id, name, content_type, size_bytes, kind, sha256, "
						+ "created_at) VALUES (?, ?, 'heron.png', 'image/png', 90000, 'IMAGE', 'y', ?)",
				UUID.randomUUID(), id, java.sql.Timestamp.from(NOON_MID_MONTH));

		assertThat(this.store.conversationCharacters(id)).as("4,000 of system prompt, 6,000 of text file; no image")
			.isEqualTo(10_000);
	}

	@Test
	void anAnswerFailedAsInterruptedCountsByAnEstimate() throws Exception {
		this.catalog.refresh();
		Api ivy = person("ivy");
		String conversation = ivy.post("/api/conversations", "{\"title\":\"Ibis crashed\"}")
			.body()
			.get("id")
			.asString();
		Gate gate = new Gate();
		FakeGeneration generation = FakeGeneration.unique();
		upstream.enqueue(Script.stream(generation)
			.chunk(generation.role())
			.chunk(generation.reasoning("Ibis ".repeat(80)))
			.waitFor(gate)
			.chunk(generation.finish("stop"))
			.chunk(generation.usage(10, 10, 0, 0.5))
			.done());
		UUID answer;
		try {
			CompletableFuture.runAsync(() -> ivy.post("/api/conversations/" + conversation + "/messages",
					"{\"content\":\"Think\",\"model\":\"deepseek/deepseek-r1\",\"parameters\":{\"maxTokens\":1000}}"));
			gate.awaitReached();
			answer = UUID.fromString(
					ivy.get("/api/conversations/" + conversation).body().get("messages").get(1).get("id").asString());

			// Its instance dies after a checkpoint of 400 characters of reasoning;
			// another
			// instance finds it.
			this.messages.checkpoint(java.util.Map.of(answer,
					new dev.ponder.conversation.AnswerProgress("", "Ibis ".repeat(80), null, NOON_MID_MONTH, null)));
			assertThat(this.messages.failInterrupted(List.of(answer))).containsExactly(answer);
		}
		finally {
			gate.open();
		}

		assertThat(this.jdbc.queryForMap("SELECT cost, estimated FROM spending_ledger WHERE answer_id = ?", answer))
			.as("400 characters of reasoning: about 100 tokens at $2 a million, and the prompt")
			.satisfies((row) -> assertThat((BigDecimal) row.get("cost")).isBetween(new BigDecimal("0.0002"),
					new BigDecimal("0.00021")))
			.satisfies((row) -> assertThat(row.get("estimated")).isEqualTo(Boolean.TRUE));
	}

	private long chatRequests() {
		return upstream.requests().stream().filter((request) -> request.uri().contains("/chat/completions")).count();
	}

	private double refusals(String kind) {
		var counter = this.meters.find("ponder.limit.refusals").tag("kind", kind).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private Api person(String name) {
		return this.people.someone(name).api();
	}

	private String idOf(String username) {
		return this.people.someone(username).id();
	}

}
