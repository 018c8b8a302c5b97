package dev.ponder.attachment;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import dev.ponder.catalog.ModelCatalog;
import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.Script;
import dev.ponder.testing.Visitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files on the way upstream: a question is stored before its files are read, so a file
 * whose bytes are gone by then ends the answer with a stored error, never an answer left
 * streaming; a regeneration goes through the image gate as a send does.
 */
class FilesOnTheSendPathTest extends AppTestSupport {

	/** The default store keeps the bytes in the database. */
	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ModelCatalog catalog;

	@Test
	void aFileWhoseBytesVanishBeforeTheAnswerStartsEndsTheAnswerWithAnError() {
		UUID file = upload("vanishing.txt", "Soon gone.\n".getBytes(StandardCharsets.UTF_8));
		this.jdbc.update("DELETE FROM attachment_content WHERE attachment_id = ?", file);
		UUID conversation = newConversation();

		List<ServerSentEvent<String>> events = allEvents(postForEvents(
				"/api/conversations/" + conversation + "/messages",
				json.writeValueAsString(Map.of("content", "Read the vanished file", "attachments", List.of(file)))));

		assertThat(events).extracting(ServerSentEvent::event).containsExactly("start", "error");
		JsonNode stored = conversation(conversation).get("messages");
		assertThat(stored.get(0).get("content").asString()).isEqualTo("Read the vanished file");
		assertThat(stored.get(1).get("status").asString()).isEqualTo("FAILED");
		assertThat(stored.get(1).get("error").get("message").asString()).contains(file.toString());
		assertThat(upstream.requests()).noneMatch((request) -> request.path().endsWith("/chat/completions"));
	}

	@Test
	void regeneratingWithAModelThatCannotReadTheQuestionsImageIsRefused() {
		UUID image = upload("regenerated.png", SampleFiles.png(10, 10));
		upstream.enqueue(Script.answer(List.of(), List.of("A picture."), Duration.ZERO));
		this.catalog.refresh();
		UUID conversation = newConversation();
		String answer = data(allEvents(postForEvents("/api/conversations/" + conversation + "/messages", json
			.writeValueAsString(
					Map.of("content", "Look", "model", AttachmentsTest.SEEING_MODEL, "attachments", List.of(image)))))
			.get(0)).get("assistantMessageId").asString();

		Reply refused = exchange(HttpMethod.POST, "/api/messages/" + answer + "/regenerate",
				"{\"model\":\"" + AttachmentsTest.BLIND_MODEL + "\"}");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().get("code").asString()).isEqualTo("model_cannot_read_images");
		assertThat(conversation(conversation).get("messages")).hasSize(2);
	}

	@Test
	void aPlainFormRefusedForItsSecondFileLeavesNoFileAndNoConversationBehind() {
		String words = "Second file refused " + System.nanoTime();
		int files = count("attachment");
		int conversations = count("conversation");
		Visitor browser = new Visitor(this.port);

		HttpResponse<String> refused = browser.submitFiles("/", "/c", Map.of("content", words),
				List.of(new Visitor.FormFile("files", "fine.txt", "Fine.\n".getBytes(StandardCharsets.UTF_8)),
						new Visitor.FormFile("files", "setup.png", SampleFiles.windowsProgram())));

		assertThat(Visitor.location(refused)).endsWith("/");
		assertThat(browser.get("/").body()).contains("setup.png is not an image").contains(words);
		assertThat(count("attachment")).isEqualTo(files);
		assertThat(count("conversation")).isEqualTo(conversations);
	}

	@Test
	void aPlainFormsImageForAModelThatCannotReadItIsRefusedBeforeAnythingIsStored() {
		String words = "Blind form picture " + System.nanoTime();
		this.catalog.refresh();
		int files = count("attachment");
		int conversations = count("conversation");
		Visitor browser = new Visitor(this.port);

		HttpResponse<String> refused = browser.submitFiles("/", "/c",
				Map.of("content", words, "model", AttachmentsTest.BLIND_MODEL, "systemPrompt", "Be blind."),
				List.of(new Visitor.FormFile("files", "seen.png", SampleFiles.png(8, 8))));

		assertThat(Visitor.location(refused)).endsWith("/");
		assertThat(browser.get("/").body()).contains("deepseek/deepseek-r1 cannot read images.").contains(words);
		assertThat(count("attachment")).isEqualTo(files);
		assertThat(count("conversation")).isEqualTo(conversations);
	}

	private int count(String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
	}

	private UUID upload(String name, byte[] bytes) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("file", new ByteArrayResource(bytes)).filename(name).contentType(MediaType.APPLICATION_OCTET_STREAM);
		String body = client().post()
			.uri("/api/attachments")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(parts.build()))
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(30));
		return UUID.fromString(json.readTree(body).get("id").asString());
	}

}
