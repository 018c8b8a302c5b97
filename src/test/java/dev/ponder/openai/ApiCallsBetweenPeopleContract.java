package dev.ponder.openai;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ponder.testing.Api;
import dev.ponder.testing.Script;
import dev.ponder.testing.TwoPeople;
import dev.ponder.testing.TwoPeopleApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAI-compatible API with accounts on: a call needs a token, is saved as its
 * owner's, and one person's thread is never continued by another's call, whatever the
 * other sends. Run on H2 and PostgreSQL.
 */
abstract class ApiCallsBetweenPeopleContract extends TwoPeopleApplication {

	private static final String QUESTION = """
			{"model": "deepseek/deepseek-r1", "messages": [{"role": "user", "content": "%s"}]}""";

	@Test
	void aCallWithoutATokenOrWithAWrongOneIsA401InOpenAisShape() {
		Api.Reply none = anyone().post("/v1/chat/completions", QUESTION.formatted("people-no-token"));
		Api.Reply wrong = Api.bearer(this.port, "pnd_not-a-token-of-anyone")
			.post("/v1/chat/completions", QUESTION.formatted("people-wrong-token"));
		Api.Reply models = Api.bearer(this.port, "pnd_not-a-token-of-anyone").get("/v1/models");

		for (Api.Reply refused : List.of(none, wrong, models)) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
			assertThat(refused.body().get("error").get("code").asString()).isEqualTo("invalid_api_key");
			assertThat(refused.body().get("error").get("message").asString()).contains("Bearer pnd_");
		}
		assertThat(upstream.pendingScripts()).isZero();
	}

	@Test
	void aCallIsSavedAsItsOwnersAndNobodyElsesThreadContinuesIt() {
		Api alices = this.people.alicesScript();
		upstream.enqueue(Script.answer(List.of("Hm."), List.of("people-answer-one"), Duration.ZERO));
		Api.Reply first = alices.post("/v1/chat/completions", QUESTION.formatted("people-thread question"));
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		String conversation = first.header(OpenAiController.CONVERSATION_HEADER);

		assertThat(alice().get("/api/conversations/" + conversation).status()).isEqualTo(200);
		assertThat(bob().get("/api/conversations/" + conversation).status()).isEqualTo(404);

		String followUp = """
				{"model": "deepseek/deepseek-r1", "messages": [
				  {"role": "user", "content": "people-thread question"},
				  {"role": "assistant", "content": "people-answer-one"},
				  {"role": "user", "content": "And then?"}]}""";
		upstream.enqueue(Script.answer(List.of("Hm."), List.of("Bob's own."), Duration.ZERO));
		Api bobs = bobsScript();
		Api.Reply bobsCall = bobs.post("/v1/chat/completions", followUp);
		assertThat(bobsCall.status()).as(bobsCall.toString()).isEqualTo(200);
		String bobsConversation = bobsCall.header(OpenAiController.CONVERSATION_HEADER);
		assertThat(bobsConversation).isNotNull().isNotEqualTo(conversation);
		assertThat(bob().get("/api/conversations/" + bobsConversation).body().get("messages"))
			.extracting((message) -> message.get("content").asString())
			.containsExactly("people-thread question", "people-answer-one", "And then?", "Bob's own.");
		upstream.enqueue(Script.answer(List.of("Hm."), List.of("Alice's own."), Duration.ZERO));
		Api.Reply alicesCall = alices.post("/v1/chat/completions", followUp);
		assertThat(alicesCall.header(OpenAiController.CONVERSATION_HEADER)).isEqualTo(conversation);
		JsonNode stored = alice().get("/api/conversations/" + conversation).body();
		assertThat(stored.get("messages")).hasSize(4);
	}

	@Test
	void aTokenMadeNotToSaveKeepsNoConversation() {
		Api.Reply made = alice().post("/api/tokens", "{\"name\":\"people-unsaved\",\"saveCalls\":false}");
		Api unsaved = Api.bearer(this.port, made.body().get("token").asString());
		upstream.enqueue(Script.answer(List.of("Hm."), List.of("people-unsaved-answer"), Duration.ZERO));

		Api.Reply call = unsaved.post("/v1/chat/completions", QUESTION.formatted("people-unsaved question"));

		assertThat(call.status()).as(call.toString()).isEqualTo(200);
		assertThat(call.header(OpenAiController.CONVERSATION_HEADER)).isNull();
		assertThat(alice().get("/api/conversations?limit=500").text()).doesNotContain("people-unsaved");
		assertThat(alice().get("/api/search?q=people-unsaved").text()).doesNotContain("people-unsaved");
	}

	@Test
	void aSpendingLimitReachedIsA402InOpenAisShape_andTheRefusedCallKeepsNothing() {
		TwoPeople.Someone someone = this.people.someone("dora-api");
		assertThat(root().call("PATCH", "/api/admin/users/" + someone.id(), "{\"dailyLimit\": 0.50}").status())
			.isEqualTo(200);
		Api dora = someone.api();
		Api doras = Api.bearer(this.port,
				dora.post("/api/tokens", "{\"name\":\"dora's script\"}").body().get("token").asString());
		upstream.enqueue(Script.costing("Seventy-five cents of words.", 0.75));
		assertThat(doras.post("/v1/chat/completions", QUESTION.formatted("people-limit spend it")).status())
			.isEqualTo(200);

		Api.Reply refused = doras.post("/v1/chat/completions", """
				{"model": "deepseek/deepseek-r1", "messages": [{"role": "user", "content": "people-limit earlier"},
				 {"role": "assistant", "content": "An answer from elsewhere."},
				 {"role": "user", "content": "people-limit one more?"}]}""");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(402);
		assertThat(refused.body().get("error").get("code").asString()).isEqualTo("limit_reached");
		assertThat(refused.body().get("error").get("type").asString()).isEqualTo("insufficient_quota");
		assertThat(refused.body().get("error").get("message").asString())
			.isEqualTo("Your daily spending limit of $0.50 is reached: $0.75 spent today. It resets at 00:00 UTC.");
		assertThat(dora.get("/api/conversations?limit=500").text()).contains("people-limit spend it")
			.doesNotContain("people-limit earlier");
		assertThat(upstream.requests().stream().filter((request) -> request.uri().contains("/chat/completions")))
			.hasSize(1);
	}

	private Api bobsScript() {
		Api.Reply made = bob().post("/api/tokens", "{\"name\":\"bob's script\"}");
		return Api.bearer(this.port, made.body().get("token").asString());
	}

}
