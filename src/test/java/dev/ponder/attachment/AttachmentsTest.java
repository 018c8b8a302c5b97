package dev.ponder.attachment;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.BodyInserters;

import dev.ponder.testing.AppTestSupport;
import dev.ponder.testing.FakeUpstream;
import dev.ponder.testing.RecordedRequest;
import dev.ponder.testing.Script;
import dev.ponder.testing.Visitor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files attached to questions, against the fake upstream: how they are taken, served,
 * sent upstream in each shape, refused, and kept with their conversation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ponder.auth=none", "spring.datasource.url=jdbc:h2:mem:attachments-test;DB_CLOSE_DELAY=-1",
				"openrouter.api-key=" + AppTestSupport.API_KEY, "openrouter.idle-timeout=10s",
				"openrouter.first-byte-timeout=10s", "ponder.checkpoint-interval=200ms",
				"openrouter.retry.max-attempts=0", "ponder.attachment.max-size=300KB", "ponder.attachment.max-files=3",
				"ponder.catalog.fetch-timeout=5s" })
class AttachmentsTest extends AppTestSupport {

	static final String SEEING_MODEL = "anthropic/claude-sonnet-4.5";

	static final String BLIND_MODEL = "deepseek/deepseek-r1";

	static final FakeUpstream local = FakeUpstream.start();

	@DynamicPropertySource
	static void localServer(DynamicPropertyRegistry registry) {
		registry.add("ponder.endpoints.local.base-url", local::baseUrl);
	}

	@AfterAll
	static void stopLocalServer() {
		local.close();
	}

	@BeforeEach
	void catalogKnowsWhoReadsImages() {
		local.reset();
		exchange(HttpMethod.POST, "/api/models/refresh", null);
	}

	@Test
	void pagesAreToldTheLimitsOnFilesAndNothingElseOfTheSettings() {
		String page = client().get().uri("/").retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));

		assertThat(page).contains("data-attachment-max-size=\"307200\"", "data-attachment-max-files=\"3\"");
		assertThat(new AttachmentLimitsAdvice(new AttachmentProperties(
				org.springframework.util.unit.DataSize.ofMegabytes(20), 10, java.nio.file.Path.of("/secret/files")))
			.attachmentLimits()).hasToString("AttachmentLimits[maxSize=20971520B, maxFiles=10]");
	}

	@Test
	void anUploadedImageIsDescribedAndServedInlineWithStrictHeaders() {
		byte[] png = SampleFiles.png(640, 480);

		Uploaded uploaded = upload("holiday photo.png", png);

		assertThat(uploaded.status()).isEqualTo(201);
		assertThat(uploaded.location()).isEqualTo("/api/attachments/" + uploaded.id());
		JsonNode body = uploaded.body();
		assertThat(body.get("name").asString()).isEqualTo("holiday photo.png");
		assertThat(body.get("contentType").asString()).isEqualTo("image/png");
		assertThat(body.get("kind").asString()).isEqualTo("image");
		assertThat(body.get("size").asLong()).isEqualTo(png.length);
		assertThat(body.get("url").asString()).isEqualTo("/api/attachments/" + uploaded.id() + "/content");
		assertThat(body.get("thumbnailUrl").asString()).isEqualTo("/api/attachments/" + uploaded.id() + "/thumbnail");

		Served content = get(body.get("url").asString());
		assertThat(content.status()).isEqualTo(200);
		assertThat(content.bytes()).isEqualTo(png);
		assertThat(content.header(HttpHeaders.CONTENT_TYPE)).isEqualTo("image/png");
		assertThat(content.header(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline;")
			.contains("filename*=UTF-8''holiday%20photo.png");
		assertThat(content.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(content.headers().get("Content-Security-Policy")).containsExactly("sandbox; default-src 'none'");
		assertThat(content.headers().get(HttpHeaders.CACHE_CONTROL))
			.containsExactly("private, max-age=31536000, immutable");
		assertThat(get(body.get("url").asString() + "?download").header(HttpHeaders.CONTENT_DISPOSITION))
			.startsWith("attachment;");

		Served thumbnail = get(body.get("thumbnailUrl").asString());
		assertThat(thumbnail.header(HttpHeaders.CONTENT_TYPE)).isEqualTo("image/png");
		assertThat(thumbnail.bytes().length).isLessThan(png.length);
		assertThat(exchange(HttpMethod.GET, "/api/attachments/" + uploaded.id(), null).body().get("name").asString())
			.isEqualTo("holiday photo.png");
	}

	@Test
	void theBytesNotTheNameSayWhatAFileIs() {
		assertThat(upload("notes.txt", SampleFiles.png(10, 10)).body().get("kind").asString()).isEqualTo("image");

		Uploaded program = upload("cat.png", SampleFiles.windowsProgram());

		assertThat(program.status()).isEqualTo(415);
		assertThat(program.body().get("code").asString()).isEqualTo("attachment_type_unsupported");
		assertThat(program.body().get("detail").asString())
			.isEqualTo("cat.png is not an image (PNG, JPEG, WebP, GIF), a PDF or a text file.");
	}

	@Test
	void textAndSvgAreDownloadsOfPlainTextNeverPages() {
		Uploaded page = upload("page.html", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
		Uploaded svg = upload("logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
			.getBytes(StandardCharsets.UTF_8));

		assertThat(page.body().get("kind").asString()).isEqualTo("text");
		assertThat(svg.body().get("kind").asString()).isEqualTo("text");
		assertThat(svg.body().get("contentType").asString()).isEqualTo("image/svg+xml");
		assertThat(svg.body().get("thumbnailUrl").isNull()).isTrue();
		for (Uploaded uploaded : List.of(page, svg)) {
			Served served = get(uploaded.body().get("url").asString());
			assertThat(served.header(HttpHeaders.CONTENT_TYPE)).isEqualTo("text/plain;charset=UTF-8");
			assertThat(served.header(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;");
			assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
		}
	}

	@Test
	void anImageGoesUpstreamAsADataUrlAfterTheTypedText() {
		byte[] png = SampleFiles.png(40, 30);
		UUID image = upload("chart.png", png).id();
		upstream.enqueue(Script.answer(List.of(), List.of("A red square."), Duration.ZERO));
		UUID conversation = newConversation();

		allEvents(sendWith(conversation, "What is in the picture?", SEEING_MODEL, image));

		JsonNode content = upstream.takeRequest().json().get("messages").get(0).get("content");
		assertThat(content.get(0).get("type").asString()).isEqualTo("text");
		assertThat(content.get(0).get("text").asString()).isEqualTo("What is in the picture?");
		assertThat(content.get(1).get("type").asString()).isEqualTo("image_url");
		assertThat(content.get(1).get("image_url").get("url").asString())
			.isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
		JsonNode question = conversation(conversation).get("messages").get(0);
		assertThat(question.get("attachments")).hasSize(1);
		assertThat(question.get("attachments").get(0).get("name").asString()).isEqualTo("chart.png");
		assertThat(question.get("attachments").get(0).get("id").asString()).isEqualTo(image.toString());
		assertThat(conversation(conversation).get("messages").get(1).get("attachments")).isEmpty();
	}

	@Test
	void anEarlierQuestionsImageGoesAgainWithTheFollowUp() {
		byte[] png = SampleFiles.png(20, 20);
		UUID image = upload("graph.png", png).id();
		upstream.enqueue(Script.answer(List.of(), List.of("A graph."), Duration.ZERO),
				Script.answer(List.of(), List.of("Red."), Duration.ZERO));
		UUID conversation = newConversation();

		allEvents(sendWith(conversation, "Describe it.", SEEING_MODEL, image));
		allEvents(sendWith(conversation, "Which colour is the square?", SEEING_MODEL));

		upstream.takeRequest();
		JsonNode messages = upstream.takeRequest().json().get("messages");
		assertThat(messages).hasSize(3);
		assertThat(messages.get(0).get("content").get(1).get("image_url").get("url").asString())
			.endsWith(Base64.getEncoder().encodeToString(png));
		assertThat(messages.get(2).get("content").asString()).isEqualTo("Which colour is the square?");
	}

	@Test
	void aTextFileIsInlinedInAFenceNamedAfterItThatItCannotClose() {
		String code = "print('hi')\n```\nnot the end\n";
		UUID file = upload("hello.py", code.getBytes(StandardCharsets.UTF_8)).id();
		upstream.enqueue(Script.answer(List.of(), List.of("It prints hi."), Duration.ZERO));
		UUID conversation = newConversation();

		allEvents(sendWith(conversation, "What does it print?", BLIND_MODEL, file));

		JsonNode content = upstream.takeRequest().json().get("messages").get(0).get("content");
		assertThat(content.get(1).get("type").asString()).isEqualTo("text");
		assertThat(content.get(1).get("text").asString()).isEqualTo("````hello.py\n" + code + "````");
	}

	@Test
	void aPdfGoesToOpenRouterAsAFilePart() {
		byte[] pdf = SampleFiles.pdf("Quarterly revenue rose by nine percent.");
		UUID file = upload("report.pdf", pdf).id();
		upstream.enqueue(Script.answer(List.of(), List.of("Nine percent."), Duration.ZERO));
		UUID conversation = newConversation();

		allEvents(sendWith(conversation, "By how much?", "google/gemini-2.5-pro", file));

		JsonNode part = upstream.takeRequest().json().get("messages").get(0).get("content").get(1);
		assertThat(part.get("type").asString()).isEqualTo("file");
		assertThat(part.get("file").get("filename").asString()).isEqualTo("report.pdf");
		assertThat(part.get("file").get("file_data").asString())
			.isEqualTo("data:application/pdf;base64," + Base64.getEncoder().encodeToString(pdf));
	}

	@Test
	void anotherServerGetsAPdfsTextInstead() {
		UUID file = upload("report.pdf", SampleFiles.pdf("Quarterly revenue rose by nine percent.")).id();
		local.enqueue(Script.answer(List.of(), List.of("Nine percent."), Duration.ZERO));
		UUID conversation = newConversation();

		allEvents(postForEvents("/api/conversations/" + conversation + "/messages", json.writeValueAsString(Map
			.of("content", "By how much?", "endpoint", "local", "model", "qwen3:8b", "attachments", List.of(file)))));

		JsonNode part = local.takeRequest().json().get("messages").get(0).get("content").get(1);
		assertThat(part.get("type").asString()).isEqualTo("text");
		assertThat(part.get("text").asString()).startsWith("````report.pdf\n".substring(1))
			.contains("Quarterly revenue rose by nine percent.");
	}

	@Test
	void aModelThatCannotReadImagesRefusesThemBeforeAnythingIsStored() {
		UUID image = upload("scan.png", SampleFiles.png(10, 10)).id();
		UUID conversation = newConversation();

		Reply refused = exchange(HttpMethod.POST, "/api/conversations/" + conversation + "/messages", json
			.writeValueAsString(Map.of("content", "Read this", "model", BLIND_MODEL, "attachments", List.of(image))));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().get("code").asString()).isEqualTo("model_cannot_read_images");
		assertThat(refused.body().get("detail").asString()).isEqualTo(
				"deepseek/deepseek-r1 cannot read images. Models that can: anthropic/claude-sonnet-4.5, openai/gpt-4o-mini.");
		assertThat(conversation(conversation).get("messages")).isEmpty();
		assertThat(upstream.requests()).noneMatch((request) -> request.path().endsWith("/chat/completions"));
	}

	@Test
	void anEditedQuestionKeepsItsFilesByNamingThemAgain() {
		byte[] png = SampleFiles.png(12, 12);
		UUID image = upload("dot.png", png).id();
		upstream.enqueue(Script.answer(List.of(), List.of("A dot."), Duration.ZERO),
				Script.answer(List.of(), List.of("Red."), Duration.ZERO));
		UUID conversation = newConversation();
		allEvents(sendWith(conversation, "What is it?", SEEING_MODEL, image));
		String question = conversation(conversation).get("messages").get(0).get("id").asString();

		allEvents(postForEvents("/api/messages/" + question + "/edit", json.writeValueAsString(
				Map.of("content", "Which colour is it?", "model", SEEING_MODEL, "attachments", List.of(image)))));

		upstream.takeRequest();
		JsonNode content = upstream.takeRequest().json().get("messages").get(0).get("content");
		assertThat(content.get(0).get("text").asString()).isEqualTo("Which colour is it?");
		assertThat(content.get(1).get("image_url").get("url").asString())
			.endsWith(Base64.getEncoder().encodeToString(png));
		JsonNode edited = conversation(conversation).get("messages").get(0);
		assertThat(edited.get("content").asString()).isEqualTo("Which colour is it?");
		assertThat(edited.get("attachments").get(0).get("id").asString()).isEqualTo(image.toString());
	}

	@Test
	void aRelayWhoseThinkerCannotReadImagesRefusesThem() {
		UUID image = upload("plot.png", SampleFiles.png(10, 10)).id();
		UUID conversation = newConversation();

		Reply refused = exchange(HttpMethod.POST, "/api/conversations/" + conversation + "/messages",
				json.writeValueAsString(Map.of("content", "Think about the plot", "model", SEEING_MODEL, "relay",
						Map.of("thinker", BLIND_MODEL), "attachments", List.of(image))));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().get("detail").asString()).startsWith("deepseek/deepseek-r1 cannot read images.");
	}

	@Test
	void everyColumnOfACompareGetsTheFilesAndEachIsGated() {
		byte[] png = SampleFiles.png(16, 16);
		UUID image = upload("both.png", png).id();
		upstream.enqueueFor(SEEING_MODEL, Script.answer(List.of(), List.of("One."), Duration.ZERO));
		upstream.enqueueFor("openai/gpt-4o-mini", Script.answer(List.of(), List.of("Two."), Duration.ZERO));
		UUID conversation = newConversation();
		String path = "/api/conversations/" + conversation + "/messages";

		Reply refused = exchange(HttpMethod.POST, path,
				json.writeValueAsString(Map.of("content", "Compare blind", "attachments", List.of(image), "compare",
						List.of(Map.of("model", SEEING_MODEL), Map.of("model", BLIND_MODEL)))));
		allEvents(postForEvents(path,
				json.writeValueAsString(Map.of("content", "Compare seeing", "attachments", List.of(image), "compare",
						List.of(Map.of("model", SEEING_MODEL), Map.of("model", "openai/gpt-4o-mini"))))));

		assertThat(refused.status()).isEqualTo(422);
		List<RecordedRequest> asked = List.of(upstream.takeRequest(), upstream.takeRequest());
		assertThat(asked).allSatisfy((request) -> assertThat(
				request.json().get("messages").get(0).get("content").get(1).get("image_url").get("url").asString())
			.endsWith(Base64.getEncoder().encodeToString(png)));
	}

	@Test
	void aFileLargerThanTheLimitIsRefusedWithItsSize() {
		byte[] large = new byte[400 * 1024];
		java.util.Arrays.fill(large, (byte) 'a');

		Uploaded refused = upload("big.txt", large);

		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.body().get("code").asString()).isEqualTo("attachment_too_large");
		assertThat(refused.body().get("detail").asString()).isEqualTo("big.txt is 400 KB; a file may be up to 300 KB.");
	}

	@Test
	void aFileFarLargerThanTheLimitIsRefusedBeforeItIsRead() {
		byte[] huge = new byte[3 * 1024 * 1024];

		Uploaded refused = upload("huge.bin", huge);

		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.body().get("code").asString()).isEqualTo("attachment_too_large");
		assertThat(refused.body().get("detail").asString()).endsWith("a file may be up to 300 KB.");
	}

	@Test
	void aQuestionTakesAtMostTheFilesAllowed() {
		List<UUID> files = List.of(uploadText("a.txt"), uploadText("b.txt"), uploadText("c.txt"), uploadText("d.txt"));
		UUID conversation = newConversation();

		Reply refused = exchange(HttpMethod.POST, "/api/conversations/" + conversation + "/messages",
				json.writeValueAsString(Map.of("content", "Four files", "attachments", files)));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().get("code").asString()).isEqualTo("too_many_attachments");
		assertThat(refused.body().get("detail").asString()).isEqualTo("A message takes at most 3 files.");
		assertThat(conversation(conversation).get("messages")).isEmpty();
	}

	@Test
	void anUnsentFileCanBeDeletedButASentOneGoesWithItsConversation() {
		UUID unsent = uploadText("draft.txt");
		UUID sent = uploadText("kept.txt");
		upstream.enqueue(Script.answer(List.of(), List.of("ok"), Duration.ZERO));
		UUID conversation = newConversation();
		allEvents(sendWith(conversation, "Keep this", BLIND_MODEL, sent));

		assertThat(exchange(HttpMethod.DELETE, "/api/attachments/" + unsent, null).status()).isEqualTo(204);
		assertThat(exchange(HttpMethod.GET, "/api/attachments/" + unsent, null).status()).isEqualTo(404);
		Reply inUse = exchange(HttpMethod.DELETE, "/api/attachments/" + sent, null);
		assertThat(inUse.status()).isEqualTo(409);
		assertThat(inUse.body().get("code").asString()).isEqualTo("attachment_in_use");
	}

	@Test
	void anUnknownFileInASendIsNotFoundAndNothingIsStored() {
		UUID conversation = newConversation();

		Reply refused = exchange(HttpMethod.POST, "/api/conversations/" + conversation + "/messages",
				json.writeValueAsString(Map.of("content", "Ghost", "attachments", List.of(UUID.randomUUID()))));

		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.body().get("detail").asString()).startsWith("No attachment with id");
		assertThat(conversation(conversation).get("messages")).isEmpty();
	}

	@Test
	void anUploadWithoutAFileIsRefusedWithASentence() {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("other", "x");

		Uploaded refused = upload(parts);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().get("detail").asString()).contains("multipart part named \"file\"");
	}

	@Test
	void thePlainFormPostsFilesWithTheMessage() {
		byte[] png = SampleFiles.png(24, 24);
		String words = "Plain form picture " + System.nanoTime();
		upstream.enqueue(Script.answer(List.of(), List.of("A square."), Duration.ZERO));
		Visitor browser = new Visitor(this.port);

		HttpResponse<String> sent = browser.submitFiles("/", "/c", Map.of("content", words, "model", SEEING_MODEL), List
			.of(new Visitor.FormFile("files", "square.png", png), new Visitor.FormFile("files", "", new byte[0])));

		String location = Visitor.location(sent);
		assertThat(location).contains("/c/").endsWith("#end");
		UUID conversation = UUID.fromString(location.replaceAll(".*/c/([0-9a-f-]+)#end", "$1"));
		JsonNode question = conversation(conversation).get("messages").get(0);
		assertThat(question.get("content").asString()).isEqualTo(words);
		assertThat(question.get("attachments")).hasSize(1);
		assertThat(question.get("attachments").get(0).get("name").asString()).isEqualTo("square.png");
		assertThat(upstream.takeRequest()
			.json()
			.get("messages")
			.get(0)
			.get("content")
			.get(1)
			.get("image_url")
			.get("url")
			.asString()).endsWith(Base64.getEncoder().encodeToString(png));
	}

	@Test
	void thePlainFormKeepsTheTypedTextWhenAFileIsRefused() {
		String words = "Refused form file " + System.nanoTime();
		Visitor browser = new Visitor(this.port);

		HttpResponse<String> refused = browser.submitFiles("/", "/c", Map.of("content", words),
				List.of(new Visitor.FormFile("files", "setup.png", SampleFiles.windowsProgram())));

		assertThat(Visitor.location(refused)).endsWith("/");
		String page = browser.get("/").body();
		assertThat(page).contains("setup.png is not an image (PNG, JPEG, WebP, GIF), a PDF or a text file.")
			.contains(words);
	}

	private UUID uploadText(String name) {
		return upload(name, ("the file " + name + "\n").getBytes(StandardCharsets.UTF_8)).id();
	}

	private reactor.core.publisher.Flux<org.springframework.http.codec.ServerSentEvent<String>> sendWith(
			UUID conversation, String content, String model, UUID... files) {
		return postForEvents("/api/conversations/" + conversation + "/messages",
				json.writeValueAsString(Map.of("content", content, "model", model, "attachments", List.of(files))));
	}

	Uploaded upload(String name, byte[] bytes) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("file", new ByteArrayResource(bytes)).filename(name).contentType(MediaType.APPLICATION_OCTET_STREAM);
		return upload(parts);
	}

	private Uploaded upload(MultipartBodyBuilder parts) {
		return client().post()
			.uri("/api/attachments")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("{}")
				.map((text) -> new Uploaded(response.statusCode().value(),
						response.headers().asHttpHeaders().getFirst(HttpHeaders.LOCATION), json.readTree(text))))
			.block(Duration.ofSeconds(30));
	}

	private Served get(String path) {
		return client().get()
			.uri(path)
			.exchangeToMono((response) -> response.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.map((bytes) -> new Served(response.statusCode().value(), response.headers().asHttpHeaders(), bytes)))
			.block(Duration.ofSeconds(30));
	}

	record Uploaded(int status, String location, JsonNode body) {

		UUID id() {
			return UUID.fromString(this.body.get("id").asString());
		}

	}

	record Served(int status, HttpHeaders headers, byte[] bytes) {

		String header(String name) {
			return this.headers.getFirst(name);
		}

	}

}
