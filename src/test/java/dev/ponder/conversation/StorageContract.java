package dev.ponder.conversation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import dev.ponder.testing.MutableClock;
import dev.ponder.testing.SharedUpstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What storage must do on every database Ponder runs on. Each database has a subclass.
 */
@Import(StorageContract.HandMovedClock.class)
abstract class StorageContract {

	/** Storage needs no upstream, but the app it runs in must never reach a real one. */
	@DynamicPropertySource
	static void upstream(DynamicPropertyRegistry registry) {
		SharedUpstream.register(registry);
	}

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

	/** A clock the tests move by hand, in place of the system's. */
	@TestConfiguration
	static class HandMovedClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
		}

	}

	@Test
	void firstMessageNamesTheConversationAndIsStoredBeforeAnyAnswer() {
		UUID id = this.conversations.create(null).id();

		Turn turn = this.messages.beginTurn(id, "Which is bigger: 9.11 or 9.9?\nThink carefully.",
				"deepseek/deepseek-r1", "high");

		ConversationDetails stored = this.conversations.find(id).orElseThrow();
		assertThat(stored.title()).isEqualTo("Which is bigger: 9.11 or 9.9?");
		assertThat(stored.messages()).extracting(MessageView::role, MessageView::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("user", MessageStatus.COMPLETE),
					org.assertj.core.groups.Tuple.tuple("assistant", MessageStatus.STREAMING));
		assertThat(stored.messages().get(1).parentId()).isEqualTo(turn.userMessageId());
		assertThat(turn.history()).extracting(Turn.HistoryEntry::content)
			.containsExactly("Which is bigger: 9.11 or 9.9?\nThink carefully.");
	}

	@Test
	void finishedAnswerKeepsReasoningUsageTimingsAndDetails() {
		UUID id = this.conversations.create("Numbers").id();
		Turn turn = this.messages.beginTurn(id, "9.11 or 9.9?", "deepseek/deepseek-r1", "medium");
		Instant thinking = Instant.parse("2026-11-25T10:00:01Z");
		Instant answering = Instant.parse("2026-11-25T10:00:13Z");
		AnswerProgress progress = new AnswerProgress("9.9 is bigger.", "Compare 0.11 with 0.90…",
				"[{\"type\":\"reasoning.encrypted\",\"data\":\"[REDACTED]\"}]", thinking, answering);

		this.messages.checkpoint(
				Map.of(turn.assistantMessageId(), new AnswerProgress("9.9", "Compare", null, thinking, answering)));
		this.messages.finish(turn.assistantMessageId(),
				new AnswerOutcome(MessageStatus.COMPLETE, progress, "DeepSeek", "gen-123", "stop", "stop", 12, 850, 840,
						new BigDecimal("0.0021375"), null, null, Instant.parse("2026-11-25T10:00:15Z")));

		MessageView answer = this.messages.find(turn.assistantMessageId()).orElseThrow();
		assertThat(answer.status()).isEqualTo(MessageStatus.COMPLETE);
		assertThat(answer.content()).isEqualTo("9.9 is bigger.");
		assertThat(answer.reasoning()).isEqualTo("Compare 0.11 with 0.90…");
		assertThat(answer.usage()).isEqualTo(new UsageView(12, 850, 840, new BigDecimal("0.0021375000")));
		assertThat(answer.provider()).isEqualTo("DeepSeek");
		assertThat(answer.generationId()).isEqualTo("gen-123");
		assertThat(answer.thinkingMillis()).isEqualTo(12_000);
		assertThat(this.conversations.find(id).orElseThrow().title()).isEqualTo("Numbers");
	}

	@Test
	void checkpointsAfterTheEndChangeNothing() {
		UUID id = this.conversations.create(null).id();
		Turn turn = this.messages.beginTurn(id, "Stop me", "m", "low");
		AnswerProgress partial = new AnswerProgress("Half an ans", "", null, null, Instant.now());
		this.messages.finish(turn.assistantMessageId(), new AnswerOutcome(MessageStatus.STOPPED, partial, null, null,
				null, null, null, null, null, null, null, null, Instant.now()));

		this.messages.checkpoint(Map.of(turn.assistantMessageId(),
				new AnswerProgress("Half an answer, later", "", null, null, Instant.now())));

		MessageView answer = this.messages.find(turn.assistantMessageId()).orElseThrow();
		assertThat(answer.status()).isEqualTo(MessageStatus.STOPPED);
		assertThat(answer.content()).isEqualTo("Half an ans");
	}

	@Test
	void earlierAnswersGoUpstreamWithoutReasoningAndEmptyFailuresAreLeftOut() {
		UUID id = this.conversations.create(null).id();
		Turn first = this.messages.beginTurn(id, "One", "m", "low");
		this.messages.finish(first.assistantMessageId(),
				new AnswerOutcome(MessageStatus.COMPLETE,
						new AnswerProgress("Answer one", "secret thoughts", null, null, null), null, null, "stop", null,
						null, null, null, null, null, null, Instant.now()));
		Turn second = this.messages.beginTurn(id, "Two", "m", "low");
		this.messages.finish(second.assistantMessageId(),
				new AnswerOutcome(MessageStatus.FAILED, new AnswerProgress("", "", null, null, null), null, null,
						"error", null, null, null, null, null, "invalid_key", "bad key", Instant.now()));

		Turn third = this.messages.beginTurn(id, "Three", "m", "low");

		assertThat(third.history()).extracting(Turn.HistoryEntry::role, Turn.HistoryEntry::content)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(MessageRole.USER, "One"),
					org.assertj.core.groups.Tuple.tuple(MessageRole.ASSISTANT, "Answer one"),
					org.assertj.core.groups.Tuple.tuple(MessageRole.USER, "Two"),
					org.assertj.core.groups.Tuple.tuple(MessageRole.USER, "Three"));
	}

	@Test
	void answersLeftStreamingByADeadInstanceFailWithTheirCheckpoint() {
		UUID id = this.conversations.create(null).id();
		Turn turn = this.messages.beginTurn(id, "Long one", "m", "high");
		this.messages.checkpoint(Map.of(turn.assistantMessageId(),
				new AnswerProgress("Partial", "Thinking…", null, Instant.now(), Instant.now())));

		this.messages.failInterrupted();

		MessageView answer = this.messages.find(turn.assistantMessageId()).orElseThrow();
		assertThat(answer.status()).isEqualTo(MessageStatus.FAILED);
		assertThat(answer.error().code()).isEqualTo("interrupted");
		assertThat(answer.content()).isEqualTo("Partial");
		assertThat(answer.reasoning()).isEqualTo("Thinking…");
	}

	@Test
	void deletedConversationsHideAtOnceCanBeRestoredAndArePurgedAfterTheUndoWindow() {
		UUID kept = this.conversations.create(null).id();
		UUID gone = this.conversations.create(null).id();
		Turn turn = this.messages.beginTurn(gone, "Forget me", "m", "low");

		this.conversations.delete(kept);
		this.conversations.delete(gone);
		this.conversations.restore(kept);
		this.clock.advance(ConversationService.UNDO_WINDOW.plusSeconds(1));
		this.conversations.purgeDeleted();

		assertThat(this.conversations.find(kept)).isPresent();
		assertThat(this.conversations.find(gone)).isEmpty();
		assertThat(this.messages.find(turn.userMessageId())).isEmpty();
		assertThatThrownBy(() -> this.conversations.restore(gone)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.conversations.delete(gone)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.messages.beginTurn(UUID.randomUUID(), "x", "m", "low"))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void pinnedConversationsComeFirstThenTheMostRecentlyActive() {
		UUID first = this.conversations.create("First").id();
		this.clock.advance(Duration.ofMinutes(1));
		UUID second = this.conversations.create("Second").id();
		this.clock.advance(Duration.ofMinutes(1));
		UUID third = this.conversations.create("Third").id();

		this.conversations.update(first, new ConversationPatch(null, true));
		this.conversations.update(third, new ConversationPatch("Third, renamed", null));

		List<ConversationSummary> page = this.conversations.page(0, 1000);
		List<UUID> order = page.stream()
			.map(ConversationSummary::id)
			.filter((id) -> List.of(first, second, third).contains(id))
			.toList();
		assertThat(order).containsExactly(first, third, second);
		assertThat(page.get(0).pinned()).isTrue();
		assertThat(this.conversations.find(third).orElseThrow().title()).isEqualTo("Third, renamed");
	}

	@Test
	void regeneratingAndEditingAddSiblingsAndTheConversationFollowsTheChosenBranch() {
		UUID id = this.conversations.create(null).id();
		Turn first = this.messages.beginTurn(id, "Question one", "m", "low");
		complete(first.assistantMessageId(), "Answer A");

		Turn regenerated = this.messages.beginRegeneration(first.assistantMessageId(), "other/model", "high");
		complete(regenerated.assistantMessageId(), "Answer B");

		List<MessageView> path = this.conversations.find(id).orElseThrow().messages();
		assertThat(path).extracting(MessageView::content).containsExactly("Question one", "Answer B");
		assertThat(path.get(1).siblings()).isEqualTo(new MessageView.Siblings(2, 2, first.assistantMessageId(), null));
		assertThat(path.get(1).model()).isEqualTo("other/model");
		assertThat(regenerated.userMessageId()).isEqualTo(first.userMessageId());
		assertThat(regenerated.history()).extracting(Turn.HistoryEntry::content).containsExactly("Question one");

		this.messages.select(first.assistantMessageId());
		assertThat(this.conversations.find(id).orElseThrow().messages()).extracting(MessageView::content)
			.containsExactly("Question one", "Answer A");

		Turn edited = this.messages.beginEdit(first.userMessageId(), "Question one, better", "m", "low");
		complete(edited.assistantMessageId(), "Answer C");
		List<MessageView> editedPath = this.conversations.find(id).orElseThrow().messages();
		assertThat(editedPath).extracting(MessageView::content).containsExactly("Question one, better", "Answer C");
		assertThat(editedPath.get(0).siblings().index()).isEqualTo(2);
		assertThat(editedPath.get(0).siblings().count()).isEqualTo(2);
		assertThat(edited.history()).extracting(Turn.HistoryEntry::content).containsExactly("Question one, better");

		Turn followUp = this.messages.beginTurn(id, "And then?", "m", "low");
		assertThat(followUp.history()).extracting(Turn.HistoryEntry::content)
			.containsExactly("Question one, better", "Answer C", "And then?");
		Turn editedFollowUp = this.messages.beginEdit(followUp.userMessageId(), "And then, exactly?", "m", "low");
		assertThat(editedFollowUp.history()).as("an edited later question is sent with the turns before it")
			.extracting(Turn.HistoryEntry::content)
			.containsExactly("Question one, better", "Answer C", "And then, exactly?");
		assertThat(this.conversations.find(id, first.assistantMessageId()).orElseThrow().messages())
			.extracting(MessageView::content)
			.containsExactly("Question one", "Answer A");
	}

	@Test
	void searchFindsWordsInTitlesQuestionsAnswersAndReasoningWithMarkedExcerpts() {
		UUID id = this.conversations.create(null).id();
		Turn turn = this.messages.beginTurn(id, "Tell me about zebras", "m", "low");
		this.messages.finish(turn.assistantMessageId(),
				new AnswerOutcome(MessageStatus.COMPLETE,
						new AnswerProgress("Stripes help with flies.", "Perhaps quaggas are relevant here, quaggas.",
								null, null, null),
						null, null, "stop", null, null, null, null, null, null, null, Instant.now()));

		List<SearchResult> inReasoning = this.conversations.search("Quaggas", 0, 20);
		List<SearchResult> inQuestion = this.conversations.search("zebras", 0, 20);
		List<SearchResult> nothing = this.conversations.search("unicorns", 0, 20);

		assertThat(inReasoning).hasSize(1);
		SearchResult.Match match = inReasoning.get(0).matches().get(0);
		assertThat(match.in()).isEqualTo("reasoning");
		assertThat(match.messageId()).isEqualTo(turn.assistantMessageId());
		assertThat(match.marks()).hasSize(2);
		List<Integer> mark = match.marks().get(0);
		assertThat(match.excerpt().substring(mark.get(0), mark.get(1))).isEqualTo("quaggas");
		assertThat(inQuestion.get(0).matches()).extracting(SearchResult.Match::in).contains("title", "question");
		assertThat(nothing).isEmpty();
		this.conversations.delete(id);
		assertThat(this.conversations.search("quaggas", 0, 20)).isEmpty();
	}

	@Test
	void exportedJsonImportsBackWhole_andASecondImportAddsNothing() {
		UUID id = this.conversations.create(null).id();
		Turn turn = this.messages.beginTurn(id, "Export me", "deepseek/deepseek-r1", "high");
		this.messages.finish(turn.assistantMessageId(), new AnswerOutcome(MessageStatus.COMPLETE,
				new AnswerProgress("Exported.", "Thinking about exports.",
						"[{\"type\":\"reasoning.encrypted\",\"data\":\"[REDACTED]\"}]", Instant.now(), Instant.now()),
				"DeepSeek", "gen-9", "stop", "stop", 3, 5, 2, new BigDecimal("0.0001"), null, null, Instant.now()));
		this.messages.beginRegeneration(turn.assistantMessageId(), null, "low");
		String json = this.jsonMapper.writeValueAsString(this.exporter.json(id));
		this.conversations.delete(id);
		this.clock.advance(ConversationService.UNDO_WINDOW.plusSeconds(1));
		this.conversations.purgeDeleted();

		ImportResult first = this.importer.importJson(json);
		ImportResult second = this.importer.importJson(json);

		assertThat(first.imported()).isEqualTo(1);
		assertThat(second.imported()).isZero();
		assertThat(second.skipped()).isEqualTo(1);
		assertThat(this.jsonMapper.writeValueAsString(this.exporter.json(id))).isEqualTo(
				json.replaceFirst("\"exportedAt\":\"[^\"]+\"", "\"exportedAt\":\"" + this.clock.instant() + "\""));
		MessageView answer = this.messages.find(turn.assistantMessageId()).orElseThrow();
		assertThat(answer.reasoning()).isEqualTo("Thinking about exports.");
		assertThat(answer.usage().cost()).isEqualByComparingTo("0.0001");
	}

	@Test
	void aBrokenImportStoresNothingAndSaysWhy() {
		String twoConversationsOneBroken = """
				{"format":"ponder","version":1,"conversations":[
				 {"id":"%s","title":"Fine","createdAt":"2026-01-01T00:00:00Z","messages":[]},
				 {"id":"%s","title":"Broken","createdAt":"2026-01-01T00:00:00Z","messages":[
				  {"id":"%s","role":"robot","status":"COMPLETE","content":"x","createdAt":"2026-01-01T00:00:00Z"}]}]}
				""".formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

		assertThatThrownBy(() -> this.importer.importJson(twoConversationsOneBroken))
			.isInstanceOf(ImportRejectedException.class)
			.hasMessage("Conversation 2, message 1: role \"robot\" is not user or assistant.");
		assertThatThrownBy(() -> this.importer.importJson("{\"chats\": []}"))
			.hasMessageContaining("not a Ponder export");
		assertThatThrownBy(() -> this.importer.importJson("not json")).hasMessageContaining("not a Ponder export");
		assertThat(this.conversations.search("Fine", 0, 20)).isEmpty();
	}

	/**
	 * Answers take time: each one ends a second later than the last thing that happened.
	 */
	private void complete(UUID answerId, String content) {
		this.clock.advance(Duration.ofSeconds(1));
		this.messages.finish(answerId,
				new AnswerOutcome(MessageStatus.COMPLETE, new AnswerProgress(content, "", null, null, null), null, null,
						"stop", null, null, null, null, null, null, null, this.clock.instant()));
	}

	@Test
	void longTextsAndUnicodeSurviveTheRoundTrip() {
		UUID id = this.conversations.create(null).id();
		String longText = "数学 ∑ 🙂 <script>alert(1)</script> ".repeat(4000);

		Turn turn = this.messages.beginTurn(id, longText, "m", "low");

		assertThat(this.messages.find(turn.userMessageId()).orElseThrow().content()).isEqualTo(longText);
	}

}
