package dev.ponder.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import dev.ponder.testing.Api;
import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.Script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Input that a person or a script may send by mistake, or on purpose, is answered with a
 * clear 4xx problem that has a {@code code}, never a 500.
 */
class HostileInputTest extends AppTestSupport {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Test
	void aSearchedWordThatEndsATitleShowsOnTheServerRenderedPage() {
		UUID conversation = newConversation();
		exchange(HttpMethod.PATCH, "/api/conversations/" + conversation, "{\"title\":\"All about the mudpuppy\"}");

		Api.Reply page = Api.anonymous(this.port).get("/?q=mudpuppy");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("All about the <mark>mudpuppy</mark>");
	}

	@Test
	void aSearchedWordThatEndsAMessageShowsOnTheServerRenderedPage() {
		upstream.enqueue(Script.answer(List.of("Think."), List.of("Answered."), Duration.ZERO));
		UUID conversation = newConversation();
		allEvents(send(conversation, "Tell me about the salamander"));

		Api.Reply page = Api.anonymous(this.port).get("/?q=salamander");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("Tell me about the <mark>salamander</mark>");
	}

	@Test
	void aPageTooFarToCountIsRefused() {
		newConversation();

		Api.Reply far = Api.anonymous(this.port).get("/api/conversations?page=2147483647&size=200");
		Api.Reply farSearch = Api.anonymous(this.port).get("/api/conversations?q=chat&page=2147483647&size=200");

		assertThat(far.status()).isEqualTo(400);
		assertThat(far.body().get("code").asString()).isEqualTo("invalid_request");
		assertThat(far.body().get("detail").asString()).contains("page");
		assertThat(farSearch.status()).isEqualTo(400);
	}

	@Test
	void aCompareWithNullColumnsIsRefusedAndNothingIsStored() {
		UUID conversation = newConversation();

		Api.Reply nulls = Api.anonymous(this.port)
			.post("/api/conversations/" + conversation + "/messages", "{\"content\":\"hi\",\"compare\":[null,null]}");
		Api.Reply oneNull = Api.anonymous(this.port)
			.post("/api/conversations/" + conversation + "/messages",
					"{\"content\":\"hi\",\"compare\":[{\"model\":\"a/b\"},null]}");

		assertThat(nulls.status()).isEqualTo(400);
		assertThat(nulls.body().get("code").asString()).isEqualTo("invalid_request");
		assertThat(nulls.body().get("detail").asString()).contains("column");
		assertThat(oneNull.status()).isEqualTo(400);
		assertThat(conversation(conversation).get("messages").size()).isZero();
		assertThat(upstream.requests()).isEmpty();
	}

	@Test
	void anEditWithNullCompareColumnsIsRefused() {
		upstream.enqueue(Script.answer(List.of("Think."), List.of("Answered."), Duration.ZERO));
		UUID conversation = newConversation();
		allEvents(send(conversation, "First"));
		String question = conversation(conversation).get("messages").get(0).get("id").asString();

		Api.Reply edit = Api.anonymous(this.port)
			.post("/api/messages/" + question + "/edit", "{\"content\":\"hi\",\"compare\":[null,null]}");

		assertThat(edit.status()).isEqualTo(400);
		assertThat(edit.body().get("code").asString()).isEqualTo("invalid_request");
	}

	@Test
	void pagesStillAnswerWithTheErrorPageNotAProblem() {
		for (String path : List.of("/c/not-an-id", "/c/" + UUID.randomUUID(), "/no-such-page")) {
			String page = client().get()
				.uri(path)
				.accept(MediaType.TEXT_HTML)
				.exchangeToMono((response) -> response.bodyToMono(String.class)
					.map((body) -> response.statusCode().value() + " "
							+ response.headers().contentType().map(MediaType::toString).orElse("") + " " + body))
				.block(Duration.ofSeconds(5));

			assertThat(page).as(path).startsWith("404 text/html").contains("We couldn&#39;t find that page");
		}
	}

	@Test
	void theApiAnswersHostileValuesWithProblemsNeverA500() {
		upstream.enqueue(Script.answer(List.of("Think."), List.of("Answered."), Duration.ZERO));
		UUID conversation = newConversation();
		allEvents(send(conversation, "First"));
		String question = conversation(conversation).get("messages").get(0).get("id").asString();
		String answer = conversation(conversation).get("messages").get(1).get("id").asString();
		String unknown = UUID.randomUUID().toString();
		String huge = "9".repeat(40);
		String longText = "x".repeat(300_000);
		String c = "/api/conversations/" + conversation;
		String messages = c + "/messages";
		List<String> refusals = new ArrayList<>();

		for (String[] call : List.of(
				// numbers out of every range
				get("/api/conversations?page=" + huge), get("/api/conversations?page=-5&size=-5"),
				get("/api/conversations?size=" + Integer.MAX_VALUE + "&page=" + Integer.MAX_VALUE),
				get("/api/conversations?limit=" + huge), get("/api/usage?days=" + huge), get("/api/usage?days=-1"),
				get("/api/usage?zone=Nowhere/Nothing"), get("/api/models?reasoning=perhaps"),
				post(messages, "{\"content\":\"hi\",\"reasoning\":{\"maxTokens\":" + huge + "}}"),
				post(messages, "{\"content\":\"hi\",\"reasoning\":{\"maxTokens\":-5}}"),
				post(messages, "{\"content\":\"hi\",\"reasoning\":{\"maxTokens\":1.5e300}}"),
				// over-long strings
				get("/api/conversations?q=" + "x".repeat(5000)), post("/api/conversations", title(longText)),
				patch(c, title(longText)), post(messages, "{\"content\":\"" + longText + "\"}"),
				post(messages, "{\"content\":\"hi\",\"model\":\"" + "m".repeat(5000) + "\"}"),
				post(messages, "{\"content\":\"hi\",\"endpoint\":\"" + "e".repeat(5000) + "\"}"),
				post(messages, "{\"content\":\"hi\",\"relay\":{\"thinker\":\"" + "t".repeat(5000) + "\"}}"),
				put("/api/settings/relay", "{\"template\":\"" + longText + "\"}"),
				// nulls, in lists too
				post(messages, "{\"content\":null}"), post(messages, "{\"content\":\"hi\",\"compare\":[null]}"),
				post(messages, "{\"content\":\"hi\",\"compare\":[{},{\"reasoning\":null,\"relay\":null}]}"),
				post(messages, "{\"content\":\"hi\",\"relay\":{\"thinker\":null}}"),
				post(messages, "{\"content\":\"hi\",\"reasoning\":{\"effort\":null,\"maxTokens\":null}}"),
				post("/api/messages/" + answer + "/regenerate",
						"{\"model\":null,\"reasoning\":null,\"relay\":{\"thinker\":null},\"reuseReasoning\":null}"),
				post("/api/messages/" + answer + "/regenerate", "{\"reuseReasoning\":true}"),
				patch(c, "{\"title\":null,\"pinned\":null}"), put("/api/settings/relay", "{\"template\":null}"),
				post("/api/import", "{\"conversations\":[null]}"), post("/api/import", "null"),
				// wrong JSON types
				post(messages, "{\"content\":42}"), post(messages, "{\"content\":[\"hi\"]}"),
				post(messages, "{\"content\":\"hi\",\"compare\":\"all\"}"),
				post(messages, "{\"content\":\"hi\",\"reasoning\":\"high\"}"),
				post(messages, "{\"content\":\"hi\",\"reasoning\":{\"maxTokens\":\"many\"}}"),
				patch(c, "{\"pinned\":\"yes\"}"), patch(c, "{\"title\":{\"a\":1}}"), patch(c, "[]"),
				post("/api/conversations", "[1,2]"), post("/api/import", "{\"conversations\":\"all\"}"),
				// malformed JSON, or none
				post(messages, "{"), post(messages, "not json"), post(messages, ""), patch(c, "{\"title\":"),
				post("/api/conversations", "{\"title\""), post("/api/import", "{"),
				post("/api/messages/" + question + "/edit", "}"),
				// unknown and malformed ids
				get("/api/conversations/" + unknown), get("/api/conversations/not-an-id"),
				get("/api/conversations/" + huge), patch("/api/conversations/" + unknown, title("x")),
				delete("/api/conversations/" + unknown), post("/api/conversations/" + unknown + "/restore", null),
				post("/api/conversations/" + unknown + "/messages", "{\"content\":\"hi\"}"),
				post("/api/messages/" + unknown + "/regenerate", "{}"),
				post("/api/messages/" + unknown + "/edit", "{\"content\":\"hi\"}"),
				post("/api/messages/" + unknown + "/select", null), post("/api/messages/" + unknown + "/stop", null),
				get("/api/messages/" + unknown + "/compare"), get("/api/messages/" + unknown + "/stream"),
				get("/api/conversations/" + unknown + "/export"), get(c + "/export?format=pdf"),
				delete("/api/tokens/" + unknown),
				// a question is no answer, an answer no question
				post("/api/messages/" + question + "/regenerate", "{}"),
				post("/api/messages/" + answer + "/edit", "{\"content\":\"hi\"}"),
				// what the API does not have
				get("/api/no-such-thing"), call("DELETE", "/api/models", null), call("PUT", "/api/conversations", "{}"),
				call("POST", "/api/conversations", "plain words", "text/plain"),
				call("POST", "/api/import", "<xml/>", "application/xml"))) {
			Api.Reply reply = send(call);
			String what = String.join(" ", call).replaceAll("(.{120}).*", "$1…") + " → " + reply.status();
			if (reply.status() >= 500 || (reply.status() >= 400 && !isProblemWithCode(reply))) {
				refusals.add(what + " " + reply.text().replaceAll("(.{300}).*", "$1…"));
			}
		}

		if (!refusals.isEmpty()) {
			fail("Answered without a 4xx problem that has a code:%n%s", String.join("\n", refusals));
		}
	}

	private static boolean isProblemWithCode(Api.Reply reply) {
		return String.valueOf(reply.header("Content-Type")).startsWith("application/problem+json")
				&& reply.body().path("code").isString() && reply.body().path("retryable").isBoolean()
				&& reply.body().path("detail").isString();
	}

	private static String[] get(String path) {
		return new String[] { "GET", path };
	}

	private static String[] delete(String path) {
		return new String[] { "DELETE", path };
	}

	private static String[] post(String path, String body) {
		return call("POST", path, body);
	}

	private static String[] patch(String path, String body) {
		return call("PATCH", path, body);
	}

	private static String[] put(String path, String body) {
		return call("PUT", path, body);
	}

	private static String[] call(String method, String path, String body) {
		return (body != null) ? call(method, path, body, "application/json") : new String[] { method, path };
	}

	private static String[] call(String method, String path, String body, String contentType) {
		return new String[] { method, path, body, contentType };
	}

	private static String title(String title) {
		return "{\"title\":\"" + title + "\"}";
	}

	/** Sends a call as a script would, whatever its body and type. */
	private Api.Reply send(String[] call) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + call[1]))
			.timeout(Duration.ofSeconds(15))
			.method(call[0], (call.length > 2) ? HttpRequest.BodyPublishers.ofString(call[2])
					: HttpRequest.BodyPublishers.noBody());
		if (call.length > 3) {
			request.header("Content-Type", call[3]);
		}
		try {
			return new Api.Reply(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
