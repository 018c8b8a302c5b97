package dev.ponder.conversation;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.Script;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review API over HTTP: search, rename and pin, delete and restore, branches by
 * regenerating and editing, export and import.
 */
class ConversationReviewApiTest extends AppTestSupport {

	@Test
	void searchFindsWhatTheModelThoughtAndSaysWhere() {
		upstream.enqueue(Script.answer(List.of("Consider the axolotl's regeneration."), List.of("They regrow limbs."),
				Duration.ZERO));
		UUID conversation = newConversation();
		allEvents(send(conversation, "What is special about salamanders?"));

		JsonNode results = getJson("/api/conversations?q=axolotl");

		assertThat(results.size()).isEqualTo(1);
		assertThat(results.get(0).get("id").asString()).isEqualTo(conversation.toString());
		JsonNode match = results.get(0).get("matches").get(0);
		assertThat(match.get("in").asString()).isEqualTo("reasoning");
		String excerpt = match.get("excerpt").asString();
		JsonNode mark = match.get("marks").get(0);
		assertThat(excerpt.substring(mark.get(0).asInt(), mark.get(1).asInt())).isEqualTo("axolotl");
	}

	@Test
	void oddSearchesAnswerCalmly() {
		for (String query : List.of("\"quoted words\"", "<script>", "100%", "it's", "a AND b OR", "*", "ÄÖÜ 数学", "   ",
				"x".repeat(500))) {
			Reply reply = exchange(HttpMethod.GET, "/api/conversations?q="
					+ java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8), null);
			assertThat(reply.status()).as(query).isEqualTo(200);
		}
	}

	@Test
	void renamePinDeleteAndRestore() {
		UUID conversation = newConversation();

		Reply renamed = exchange(HttpMethod.PATCH, "/api/conversations/" + conversation,
				"{\"title\":\"Better name\",\"pinned\":true}");
		Reply blank = exchange(HttpMethod.PATCH, "/api/conversations/" + conversation, "{\"title\":\"  \"}");
		Reply tooLong = exchange(HttpMethod.PATCH, "/api/conversations/" + conversation,
				"{\"title\":\"" + "x".repeat(201) + "\"}");

		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.body().get("title").asString()).isEqualTo("Better name");
		assertThat(renamed.body().get("pinned").asBoolean()).isTrue();
		assertThat(getJson("/api/conversations").get(0).get("id").asString()).isEqualTo(conversation.toString());
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.body().get("detail").asString()).contains("The title is empty.");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body().get("detail").asString()).isEqualTo("The title must be 1 to 200 characters long.");

		assertThat(exchange(HttpMethod.DELETE, "/api/conversations/" + conversation, null).status()).isEqualTo(204);
		assertThat(exchange(HttpMethod.GET, "/api/conversations/" + conversation, null).status()).isEqualTo(404);
		assertThat(getJson("/api/conversations").toString()).doesNotContain(conversation.toString());
		assertThat(exchange(HttpMethod.POST, "/api/conversations/" + conversation + "/restore", null).status())
			.isEqualTo(200);
		assertThat(exchange(HttpMethod.GET, "/api/conversations/" + conversation, null).status()).isEqualTo(200);
	}

	@Test
	void regenerateWithAnotherModelMakesASiblingAndSelectSwitchesBack() {
		upstream.enqueue(Script.answer(List.of("Hmm."), List.of("First answer."), Duration.ZERO),
				Script.answer(List.of("Hmm again."), List.of("Second answer."), Duration.ZERO));
		UUID conversation = newConversation();
		String first = data(allEvents(send(conversation, "Question?")).get(0)).get("assistantMessageId").asString();
		upstream.takeRequest();

		List<ServerSentEvent<String>> events = allEvents(postForEvents("/api/messages/" + first + "/regenerate",
				"{\"model\":\"openai/o4-mini\",\"reasoning\":{\"effort\":\"low\"}}"));

		JsonNode upstreamBody = json.readTree(upstream.takeRequest().body());
		assertThat(upstreamBody.get("model").asString()).isEqualTo("openai/o4-mini");
		assertThat(upstreamBody.get("messages").size()).isEqualTo(1);
		assertThat(textOf(events, "content")).isEqualTo("Second answer.");
		JsonNode answer = conversation(conversation).get("messages").get(1);
		assertThat(answer.get("content").asString()).isEqualTo("Second answer.");
		assertThat(answer.get("siblings").get("index").asInt()).isEqualTo(2);
		assertThat(answer.get("siblings").get("count").asInt()).isEqualTo(2);

		JsonNode selected = postJson("/api/messages/" + first + "/select");
		assertThat(selected.get("messages").get(1).get("content").asString()).isEqualTo("First answer.");
		assertThat(conversation(conversation).get("messages").get(1).get("content").asString())
			.isEqualTo("First answer.");
	}

	@Test
	void editingAQuestionAsksItAgainBesideTheOriginal() {
		upstream.enqueue(Script.answer(List.of(), List.of("About cats."), Duration.ZERO),
				Script.answer(List.of(), List.of("About dogs."), Duration.ZERO));
		UUID conversation = newConversation();
		String question = data(allEvents(send(conversation, "Tell me about cats")).get(0)).get("userMessageId")
			.asString();

		List<ServerSentEvent<String>> events = allEvents(
				postForEvents("/api/messages/" + question + "/edit", "{\"content\":\"Tell me about dogs\"}"));

		assertThat(data(events.get(0)).get("userMessageId").asString()).isNotEqualTo(question);
		JsonNode messages = conversation(conversation).get("messages");
		assertThat(messages.get(0).get("content").asString()).isEqualTo("Tell me about dogs");
		assertThat(messages.get(0).get("siblings").get("previousId").asString()).isEqualTo(question);
		assertThat(messages.get(1).get("content").asString()).isEqualTo("About dogs.");
	}

	@Test
	void exportAsMarkdownFoldsReasoningAndJsonImportsBackWithoutDuplicates() {
		upstream.enqueue(Script.answer(List.of("I should be brief."), List.of("**Yes.**"), Duration.ZERO));
		UUID conversation = newConversation();
		allEvents(send(conversation, "Is this exported?"));

		Download markdown = download("/api/conversations/" + conversation + "/export?format=md");
		Download exported = download("/api/conversations/" + conversation + "/export?format=json");
		Download everything = download("/api/export");

		assertThat(markdown.disposition()).contains("attachment").contains("ponder-is-this-exported.md");
		assertThat(markdown.body()).contains("# Is this exported?", "## You", "<details>", "<summary>Thought",
				"I should be brief.", "</details>", "**Yes.**");
		JsonNode file = json.readTree(exported.body());
		assertThat(file.get("format").asString()).isEqualTo("ponder");
		assertThat(file.get("conversations").get(0).get("messages").get(1).get("reasoning").asString())
			.isEqualTo("I should be brief.");
		assertThat(json.readTree(everything.body()).get("conversations").toString()).contains(conversation.toString());

		Reply again = exchange(HttpMethod.POST, "/api/import", exported.body());
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().get("imported").asInt()).isZero();
		assertThat(again.body().get("skipped").asInt()).isEqualTo(1);
	}

	@Test
	void aForeignImportIsRefusedWithTheReason() {
		Reply refused = exchange(HttpMethod.POST, "/api/import", "{\"messages\": [1, 2, 3]}");
		Reply unknownFormat = exchange(HttpMethod.GET, "/api/conversations/" + newConversation() + "/export?format=pdf",
				null);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().get("detail").asString()).contains("not a Ponder export");
		assertThat(unknownFormat.status()).isEqualTo(400);
	}

	private JsonNode getJson(String path) {
		return json.readTree(client().get().uri(path).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(5)));
	}

	private JsonNode postJson(String path) {
		return json
			.readTree(client().post().uri(path).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(5)));
	}

	private Download download(String path) {
		return client().get()
			.uri(path)
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.map((body) -> new Download(response.headers().asHttpHeaders().getFirst("Content-Disposition"), body)))
			.block(Duration.ofSeconds(5));
	}

	record Download(String disposition, String body) {
	}

}
