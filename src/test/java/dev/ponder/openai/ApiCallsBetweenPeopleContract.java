package dev.ponder.openai;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ponder.testing.Api;
import dev.ponder.testing.Script;
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
		assertThat(bobsCall.header(OpenAiController.CONVERSATION_HEADER)).isNotEqualTo(conversation);
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

	private Api bobsScript() {
		Api.Reply made = bob().post("/api/tokens", "{\"name\":\"bob's script\"}");
		return Api.bearer(this.port, made.body().get("token").asString());
	}

}
