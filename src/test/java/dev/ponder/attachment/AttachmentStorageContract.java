package dev.ponder.attachment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ponder.conversation.AnswerSpec;
import dev.ponder.conversation.ConversationExporter;
import dev.ponder.conversation.ConversationImporter;
import dev.ponder.conversation.ConversationService;
import dev.ponder.conversation.ExportFile;
import dev.ponder.conversation.MessageService;
import dev.ponder.conversation.MessageView;
import dev.ponder.conversation.ReasoningSetting;
import dev.ponder.problem.ProblemException;
import dev.ponder.testing.MutableClock;
import dev.ponder.testing.SharedUpstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What keeping attachments must do on every database and in a directory: the bytes come
 * back, go with their conversation, and survive an export and import. Each store has a
 * subclass.
 */
@Import(AttachmentStorageContract.HandMovedClock.class)
abstract class AttachmentStorageContract {

	@DynamicPropertySource
	static void upstream(DynamicPropertyRegistry registry) {
		SharedUpstream.register(registry);
	}

	@Autowired
	AttachmentService attachments;

	@Autowired
	AttachmentStore store;

	@Autowired
	AttachmentCleanup cleanup;

	@Autowired
	ConversationService conversations;

	@Autowired
	MessageService messages;

	@Autowired
	ConversationExporter exporter;

	@Autowired
	ConversationImporter importer;

	@Autowired
	JsonMapper jsonMapper;

	@Autowired
	MutableClock clock;

	@Autowired
	AttachmentRepository rows;

	@Autowired
	AttachmentTexts texts;

	@Autowired
	PlatformTransactionManager transactions;

	@TestConfiguration
	static class HandMovedClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
		}

	}

	@Test
	void theBytesComeBackWithASmallerThumbnail() {
		byte[] png = SampleFiles.png(800, 600);

		AttachmentView image = upload("wide.png", png);

		assertThat(this.attachments.content(image.id()).bytes()).isEqualTo(png);
		StoredFile thumbnail = this.attachments.thumbnail(image.id());
		assertThat(thumbnail.file().contentType()).isEqualTo("image/png");
		assertThat(thumbnail.bytes().length).isLessThan(png.length);
	}

	@Test
	void purgingADeletedConversationDeletesItsFiles() {
		AttachmentView image = upload("gone.png", SampleFiles.png(10, 10));
		AttachmentView kept = upload("kept.txt", "still here".getBytes());
		UUID conversation = this.conversations.create(null).id();
		UUID other = this.conversations.create(null).id();
		this.messages.beginTurn(conversation, "Forget this", spec(), List.of(image.id()));
		this.messages.beginTurn(other, "Keep this", spec(), List.of(kept.id()));

		this.conversations.delete(conversation);
		this.clock.advance(ConversationService.UNDO_WINDOW.plusSeconds(1));
		this.conversations.purgeDeleted();

		assertThatThrownBy(() -> this.attachments.find(image.id())).isInstanceOf(ProblemException.class);
		assertThat(this.store.data(image.id())).isEmpty();
		assertThat(this.store.thumbnail(image.id())).isEmpty();
		assertThat(this.store.data(kept.id())).isPresent();
	}

	@Test
	void aConversationRestoredWhileThePurgeRunsKeepsItsFilesBytes() {
		AttachmentView image = upload("restored.png", SampleFiles.png(10, 10));
		UUID conversation = this.conversations.create(null).id();
		this.messages.beginTurn(conversation, "Restore me", spec(), List.of(image.id()));
		this.conversations.delete(conversation);
		this.clock.advance(ConversationService.UNDO_WINDOW.plusSeconds(1));

		// The purge picks the files, then finds the conversation restored and deletes
		// nothing.
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.cleanup.purging(this.clock.instant().minus(ConversationService.UNDO_WINDOW));
			this.conversations.restore(conversation);
		});

		assertThat(this.attachments.content(image.id()).bytes()).isEqualTo(SampleFiles.png(10, 10));
	}

	@Test
	void aFileGoesToOneConversationEvenWhenTwoSendsReadItUnsent() {
		AttachmentView file = upload("contested.txt", "one of two".getBytes());
		UUID first = this.conversations.create(null).id();
		UUID second = this.conversations.create(null).id();
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);

		Integer firstSend = transaction.execute((status) -> this.rows.sendIn(file.id(), first));
		Integer secondSend = transaction.execute((status) -> this.rows.sendIn(file.id(), second));
		Integer again = transaction.execute((status) -> this.rows.sendIn(file.id(), first));
		assertThat(firstSend).isEqualTo(1);
		assertThat(secondSend).isZero();
		assertThat(again).isEqualTo(1);
		assertThat(this.rows.findById(file.id()).orElseThrow().getConversationId()).isEqualTo(first);
	}

	@Test
	void aPdfsTextIsReadOnceAtUploadAndKept() {
		AttachmentView document = upload("kept.pdf", SampleFiles.pdf("Read me once."));
		AttachmentView unreadable = upload("broken.pdf", "%PDF-1.4 not really".getBytes());

		assertThat(this.texts.find(document.id())).contains(java.util.Optional.of("Read me once."));
		assertThat(this.attachments.text(document.id())).contains("Read me once.");
		assertThat(this.texts.find(unreadable.id())).as("read once, found unreadable")
			.contains(java.util.Optional.empty());
		assertThat(this.attachments.text(unreadable.id())).isEmpty();
	}

	@Test
	void anImportedFileKeepsTheIdItIsGivenAndMayNotBeEmpty() {
		UUID conversation = this.conversations.create(null).id();
		UUID chosen = UUID.randomUUID();

		assertThat(this.attachments.importFile(chosen, conversation, "given.txt", "given".getBytes()).id())
			.isEqualTo(chosen);
		assertThatThrownBy(
				() -> this.attachments.importFile(UUID.randomUUID(), conversation, "hollow.txt", new byte[0]))
			.hasMessage("hollow.txt is empty.");
	}

	@Test
	void uploadsNoQuestionTookAreSweptAfterADay() {
		AttachmentView unsent = upload("forgotten.txt", "never sent".getBytes());
		AttachmentView sent = upload("sent.txt", "sent".getBytes());
		this.messages.beginTurn(this.conversations.create(null).id(), "With a file", spec(), List.of(sent.id()));

		this.clock.advance(Duration.ofHours(25));
		this.cleanup.deleteUnsentBefore(this.clock.instant().minus(Duration.ofHours(24)));

		assertThatThrownBy(() -> this.attachments.find(unsent.id())).isInstanceOf(ProblemException.class);
		assertThat(this.store.data(unsent.id())).isEmpty();
		assertThat(this.attachments.content(sent.id()).bytes()).isEqualTo("sent".getBytes());
	}

	@Test
	void anExportedConversationImportsBackWithItsFilesBytes() {
		byte[] png = SampleFiles.png(30, 20);
		byte[] pdf = SampleFiles.pdf("Round trip.");
		AttachmentView image = upload("trip.png", png);
		AttachmentView document = upload("trip.pdf", pdf);
		UUID conversation = this.conversations.create(null).id();
		this.messages.beginTurn(conversation, "Files for the trip", spec(), List.of(image.id(), document.id()));
		String file = this.jsonMapper.writeValueAsString(this.exporter.json(conversation));
		ExportFile.Attachment exported = this.jsonMapper.readValue(file, ExportFile.class)
			.conversations()
			.get(0)
			.attachments()
			.get(0);
		assertThat(exported.name()).isEqualTo("trip.png");
		assertThat(exported.data()).isEqualTo(png);
		assertThat(file).contains(java.util.Base64.getEncoder().encodeToString(png));

		this.conversations.delete(conversation);
		this.importer.importJson(file);

		MessageView question = this.conversations.find(conversation).orElseThrow().messages().get(0);
		assertThat(question.attachments()).extracting(AttachmentView::name).containsExactly("trip.png", "trip.pdf");
		assertThat(this.attachments.content(question.attachments().get(0).id()).bytes()).isEqualTo(png);
		assertThat(this.attachments.content(question.attachments().get(1).id()).bytes()).isEqualTo(pdf);
		assertThat(this.exporter.markdown(conversation)).contains("- 📎 trip.png\n- 📎 trip.pdf\n");
	}

	@Test
	void aFileSeveralQuestionsCarryIsExportedAndImportedOnce() {
		byte[] text = "carried twice".getBytes();
		AttachmentView notes = upload("twice.txt", text);
		UUID conversation = this.conversations.create(null).id();
		this.messages.beginTurn(conversation, "First look", spec(), List.of(notes.id()));
		this.messages.beginTurn(conversation, "Second look", spec(), List.of(notes.id()));
		String file = this.jsonMapper.writeValueAsString(this.exporter.json(conversation));
		ExportFile.Conversation exported = this.jsonMapper.readValue(file, ExportFile.class).conversations().get(0);
		assertThat(exported.attachments()).extracting(ExportFile.Attachment::name).containsExactly("twice.txt");
		assertThat(exported.messages()).filteredOn((message) -> "user".equals(message.role()))
			.extracting(ExportFile.Message::attachments)
			.containsOnly(List.of(notes.id()));

		this.conversations.delete(conversation);
		this.importer.importJson(file);

		List<MessageView> questions = this.conversations.find(conversation)
			.orElseThrow()
			.messages()
			.stream()
			.filter((message) -> "user".equals(message.role()))
			.toList();
		assertThat(questions).hasSize(2);
		UUID imported = questions.get(0).attachments().get(0).id();
		assertThat(questions.get(1).attachments()).extracting(AttachmentView::id).containsExactly(imported);
		assertThat(this.attachments.content(imported).bytes()).isEqualTo(text);
	}

	@Test
	void anImportRefusesFilesOnAnAnswer() {
		AttachmentView notes = upload("answer.txt", "not for answers".getBytes());
		UUID conversation = this.conversations.create(null).id();
		this.messages.beginTurn(conversation, "A question", spec(), List.of(notes.id()));
		ExportFile exported = this.exporter.json(conversation);
		ExportFile.Conversation source = exported.conversations().get(0);
		List<ExportFile.Message> moved = source.messages()
			.stream()
			.map((m) -> new ExportFile.Message(m.id(), m.parentId(), m.position(), m.role(), m.status(), m.content(),
					m.reasoning(), m.reasoningDetails(), m.model(), m.reasoningSetting(), m.provider(),
					m.generationId(), m.finishReason(), m.nativeFinishReason(), m.error(), m.usage(), m.createdAt(),
					m.reasoningStartedAt(), m.contentStartedAt(), m.finishedAt(), m.relay(), m.compare(),
					m.parameters(), "assistant".equals(m.role()) ? List.of(notes.id()) : List.of(), m.reasoningCost(),
					m.carriedReasoning()))
			.toList();
		String file = this.jsonMapper
			.writeValueAsString(new ExportFile(exported.format(), exported.version(), exported.exportedAt(),
					List.of(new ExportFile.Conversation(source.id(), source.title(), source.createdAt(),
							source.updatedAt(), source.pinned(), source.activeLeafId(), moved, source.systemPrompt(),
							source.attachments(), source.carryReasoning()))));
		this.conversations.delete(conversation);

		assertThatThrownBy(() -> this.importer.importJson(file))
			.hasMessageContaining("message 2: only a question carries files.");
	}

	@Test
	void exportingEverythingAsItGoesWritesWhatTheWholeExportHolds() {
		AttachmentView notes = upload("streamed.txt", "streamed".getBytes());
		this.messages.beginTurn(this.conversations.create(null).id(), "Streamed along", spec(), List.of(notes.id()));
		java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();

		this.exporter.writeAll(written);

		assertThat(written.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("streamed.txt")
			.isEqualTo(this.jsonMapper.writeValueAsString(this.exporter.all()));
	}

	@Test
	void anImportedFileIsCheckedByItsBytesAgain() {
		AttachmentView text = upload("fine.txt", "fine".getBytes());
		UUID conversation = this.conversations.create(null).id();
		this.messages.beginTurn(conversation, "A disguised program", spec(), List.of(text.id()));
		String file = this.jsonMapper.writeValueAsString(this.exporter.json(conversation))
			.replace(java.util.Base64.getEncoder().encodeToString("fine".getBytes()),
					java.util.Base64.getEncoder().encodeToString(SampleFiles.windowsProgram()));
		this.conversations.delete(conversation);

		assertThatThrownBy(() -> this.importer.importJson(file))
			.hasMessageContaining("fine.txt is not an image (PNG, JPEG, WebP, GIF), a PDF or a text file.");
	}

	private AttachmentView upload(String name, byte[] bytes) {
		return this.attachments.upload(new MockMultipartFile("file", name, "application/octet-stream", bytes));
	}

	private static AnswerSpec spec() {
		return AnswerSpec.of("m", ReasoningSetting.parse("low"));
	}

}
