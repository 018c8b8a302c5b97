package dev.ponder.openai;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponseFor;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import dev.ponder.testing.Api;
import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.Script;
import dev.ponder.testing.TwoPeopleApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The official OpenAI Java SDK against Ponder with accounts on: a personal access token
 * is its API key, a wrong one is the SDK's {@link UnauthorizedException}, and a call is
 * kept as its owner's conversation, or not at all with a token made not to keep calls.
 * <p>
 * On the H2 database of the share-link tests, so that the two share one application.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:shares-test;DB_CLOSE_DELAY=-1")
class OpenAiJavaClientWithAccountsTest extends TwoPeopleApplication {

	private static final String MODEL = "deepseek/deepseek-r1";

	@Test
	void aWrongTokenIsTheSdksUnauthorizedErrorAndAsksNothingUpstream() {
		OpenAIClient openAi = client("pnd_" + "0".repeat(40));
		try {
			UnauthorizedException refused = catchThrowableOfType(UnauthorizedException.class,
					() -> openAi.chat().completions().create(question("Let me in, kestrel?")));

			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(refused.code()).contains("invalid_api_key");
			assertThat(refused.type()).contains("invalid_request_error");
			assertThat(refused.getMessage()).doesNotContain("pnd_0000");
			assertThat(catchThrowableOfType(UnauthorizedException.class, () -> openAi.models().list()).statusCode())
				.isEqualTo(401);
		}
		finally {
			openAi.close();
		}
		assertThat(upstream.requests()).noneMatch((request) -> request.path().endsWith("/chat/completions"));
	}

	@Test
	void noTokenAtAllIsUnauthorizedInOpenAisErrorShape() {
		Api.Reply refused = anyone().post("/v1/chat/completions",
				"{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Anyone home?\"}]}");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
		assertThat(refused.body().get("error").get("code").asString()).isEqualTo("invalid_api_key");
		assertThat(refused.body().get("error").get("message").asString()).isNotBlank();
	}

	@Test
	void aPersonsTokenAnswersAndTheCallIsThatPersonsConversationAlone() {
		upstream.enqueue(Script.answer(List.of("Nine tenths."), List.of("9.9 is bigger."), Duration.ZERO));

		HttpResponseFor<ChatCompletion> response = ask(token(alice(), "alice's sdk", true), "Alice asks: 9.11 or 9.9?");

		assertThat(response.parse().choices().get(0).message().content()).contains("9.9 is bigger.");
		UUID id = UUID.fromString(response.headers().values("X-Ponder-Conversation-Id").get(0));
		Api.Reply hers = alice().get("/api/conversations/" + id);
		assertThat(hers.status()).as(hers.toString()).isEqualTo(200);
		assertThat(hers.body().get("madeThroughApi").asBoolean()).isTrue();
		assertThat(hers.body().get("title").asString()).isEqualTo("Alice asks: 9.11 or 9.9?");
		assertThat(bob().get("/api/conversations/" + id).status()).isEqualTo(404);
	}

	@Test
	void aTokenMadeNotToKeepCallsLeavesNoConversation() {
		upstream.enqueue(Script.answer(List.of("Quietly."), List.of("Unkept."), Duration.ZERO));

		HttpResponseFor<ChatCompletion> response = ask(token(alice(), "alice's quiet sdk", false),
				"Keep nothing of this: wrybillwhisper?");

		assertThat(response.parse().choices().get(0).message().content()).contains("Unkept.");
		assertThat(response.headers().values("X-Ponder-Conversation-Id")).isEmpty();
		JsonNode listed = alice().get("/api/conversations?size=200").body();
		assertThat(listed.valueStream().map((conversation) -> conversation.get("title").asString()))
			.noneMatch((title) -> title.contains("wrybillwhisper"));
	}

	/** One question through a client of its own, read whole, with the raw response. */
	private HttpResponseFor<ChatCompletion> ask(String token, String question) {
		OpenAIClient openAi = client(token);
		try {
			HttpResponseFor<ChatCompletion> response = openAi.chat()
				.completions()
				.withRawResponse()
				.create(question(question));
			response.parse();
			return response;
		}
		finally {
			openAi.close();
		}
	}

	private OpenAIClient client(String token) {
		return OpenAIOkHttpClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port + "/v1")
			.apiKey(token)
			.maxRetries(0)
			.timeout(Duration.ofSeconds(30))
			.build();
	}

	private static String token(Api person, String name, boolean saveCalls) {
		Api.Reply made = person.post("/api/tokens", "{\"name\":\"" + name + "\",\"saveCalls\":" + saveCalls + "}");
		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		String token = made.body().get("token").asString();
		assertThat(token).startsWith("pnd_").isNotEqualTo(AppTestSupport.API_KEY);
		return token;
	}

	private static ChatCompletionCreateParams question(String question) {
		return ChatCompletionCreateParams.builder().model(MODEL).addUserMessage(question).build();
	}

}
