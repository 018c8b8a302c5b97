package dev.ponder.conversation;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.Visitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file past the import limit is refused before it is read whole, with a sentence that
 * names the limit: a 413 problem from the API, a message on the page from the form.
 */
@TestPropertySource(properties = "ponder.import.max-size=100KB")
class ImportTooLargeTest extends AppTestSupport {

	@Test
	void theApiAnswers413NamingTheLimit() {
		Reply refused = exchange(HttpMethod.POST, "/api/import", ImportFiles.withQuestionOf(150_000, "Too big"));

		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(refused.body().get("code").asString()).isEqualTo("import_too_large");
		assertThat(refused.body().get("detail").asString()).contains("100 KB");
	}

	@Test
	void aFileFarPastTheLimitIsRefusedWithoutBeingRead() {
		Reply refused = exchange(HttpMethod.POST, "/api/import", ImportFiles.withQuestionOf(5_000_000, "Far too big"));

		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.body().get("code").asString()).isEqualTo("import_too_large");
	}

	@Test
	void aBodyOfUnknownLengthIsCutAtTheLimitToo() {
		byte[] file = ImportFiles.withQuestionOf(150_000, "Too big, streamed").getBytes(StandardCharsets.UTF_8);
		// A body sent in pieces, without a Content-Length.
		Flux<DataBuffer> chunks = Flux.range(0, file.length / 10_000 + 1)
			.map((i) -> DefaultDataBufferFactory.sharedInstance
				.wrap(ByteBuffer.wrap(file, i * 10_000, Math.min(10_000, file.length - i * 10_000))));

		JsonNode refused = client().post()
			.uri("/api/import")
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunks, DataBuffer.class)
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.map((text) -> ((ObjectNode) json.readTree(text)).put("status", response.statusCode().value())))
			.block(Duration.ofSeconds(10));

		assertThat(refused.get("status").asInt()).isEqualTo(413);
		assertThat(refused.get("code").asString()).isEqualTo("import_too_large");
	}

	@Test
	void theFormSaysSoOnThePage() {
		Visitor browser = new Visitor(this.port);

		HttpResponse<String> uploaded = browser.upload("/", "/import", "file", "big.json",
				ImportFiles.withQuestionOf(150_000, "Too big").getBytes(StandardCharsets.UTF_8));

		assertThat(Visitor.location(uploaded)).endsWith("/");
		assertThat(browser.get("/").body()).contains("larger than the import limit of 100 KB");
	}

	@Test
	void aFileUnderTheLimitImports() {
		Reply imported = exchange(HttpMethod.POST, "/api/import", ImportFiles.withQuestionOf(50_000, "Small enough"));

		assertThat(imported.status()).isEqualTo(200);
		assertThat(imported.body().get("imported").asInt()).isEqualTo(1);
	}

}
