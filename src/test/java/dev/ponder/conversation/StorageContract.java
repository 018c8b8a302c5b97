package dev.ponder.conversation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
	UsageStatistics statistics;

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

		/** Every model's completion tokens at $2 a million, whatever the catalog says. */
		@Bean
		@Primary
		CompletionPrices twoDollarsAMillion() {
			return (endpoint, model) -> Optional.of(new BigDecimal("0.000002"));
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
				AnswerOutcome.completed(progress, new AnswerOutcome.Served("DeepSeek", "gen-123", "stop", "stop"),
						new TokenUsage(12, 850, 840, new BigDecimal("0.0021375")),
						Instant.parse("2026-11-25T10:00:15Z")));

		MessageView answer = this.messages.find(turn.assistantMessageId()).orElseThrow();
		assertThat(answer.status()).isEqualTo(MessageStatus.COMPLETE);
		assertThat(answer.content()).isEqualTo("9.9 is bigger.");
		assertThat(answer.reasoning()).isEqualTo("Compare 0.11 with 0.90…");
		assertThat(answer.usage()).isEqualTo(new TokenUsage(12, 850, 840, new BigDecimal("0.0021375000")));
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
		this.messages.finish(turn.assistantMessageId(), AnswerOutcome.stopped(partial, Instant.now()));

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
				AnswerOutcome.completed(new AnswerProgress("Answer one", "secret thoughts", null, null, null),
						new AnswerOutcome.Served(null, null, "stop", null), TokenUsage.NONE, Instant.now()));
		Turn second = this.messages.beginTurn(id, "Two", "m", "low");
		this.messages.finish(second.assistantMessageId(),
				AnswerOutcome.failed(new AnswerProgress("", "", null, null, null), TokenUsage.NONE, "invalid_key",
						"bad key", Instant.now()));

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

	/**
	 * Each answer stores what its reasoning cost, or that it is unknown; the by-model
	 * sums add the known ones and count the unknown ones, in this database's SQL.
	 */
	@Test
	void reasoningCostIsStoredPerAnswerAndSummedByModelWithTheUnknownCounted() {
		String model = "storage/cost-" + UUID.randomUUID();
		Instant now = this.clock.instant();
		UUID counted = answer(model, "Thinking.", new TokenUsage(10, 900, 840, new BigDecimal("0.01")));
		UUID uncounted = answer(model, "Thinking, uncounted.", new TokenUsage(10, 900, null, new BigDecimal("0.01")));
		UUID plain = answer(model, "", new TokenUsage(10, 50, null, new BigDecimal("0.001")));
		Turn crashedThinking = this.messages.beginTurn(this.conversations.create(null).id(), "Crash", model, "high");
		this.messages.checkpoint(Map.of(crashedThinking.assistantMessageId(),
				new AnswerProgress("", "Half a thought", null, now, null)));
		Turn crashedEarly = this.messages.beginTurn(this.conversations.create(null).id(), "Crash", model, "high");
		this.messages.failInterrupted(List.of(crashedThinking.assistantMessageId(), crashedEarly.assistantMessageId()));

		assertThat(this.messages.find(counted).orElseThrow().reasoningCost()).as("840 tokens at $2 a million")
			.isEqualByComparingTo("0.00168");
		assertThat(this.messages.find(uncounted).orElseThrow().reasoningCost()).as("reasoned, tokens never reported")
			.isNull();
		assertThat(this.messages.find(plain).orElseThrow().reasoningCost()).isEqualByComparingTo("0");
		assertThat(this.messages.find(crashedThinking.assistantMessageId()).orElseThrow().reasoningCost())
			.as("interrupted while thinking: its usage never came")
			.isNull();
		assertThat(this.messages.find(crashedEarly.assistantMessageId()).orElseThrow().reasoningCost())
			.as("interrupted before any reasoning")
			.isEqualByComparingTo("0");
		ModelUsage row = this.statistics.byModel()
			.stream()
			.filter((usage) -> model.equals(usage.model()))
			.findFirst()
			.orElseThrow();
		assertThat(row.answers()).isEqualTo(5);
		assertThat(row.reasoningTokens()).isEqualTo(840);
		assertThat(row.reasoningCost()).isEqualByComparingTo("0.00168");
		assertThat(row.reasoningCostUnknown()).isEqualTo(2);
	}

	private UUID answer(String model, String reasoning, TokenUsage usage) {
		Turn turn = this.messages.beginTurn(this.conversations.create(null).id(), "Cost me", model, "high");
		Instant now = this.clock.instant();
		this.messages.finish(turn.assistantMessageId(),
				AnswerOutcome.completed(new AnswerProgress("Done.", reasoning, null, now, now),
						new AnswerOutcome.Served("P", "gen", "stop", "stop"), usage, now));
		return turn.assistantMessageId();
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
				AnswerOutcome.completed(
						new AnswerProgress("Stripes help with flies.", "Perhaps quaggas are relevant here, quaggas.",
								null, null, null),
						new AnswerOutcome.Served(null, null, "stop", null), TokenUsage.NONE, Instant.now()));

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
	void searchFindsAConversationByItsSystemPrompt() {
		UUID id = this.conversations.create(null, "Answer like a Wombatologist would, briefly.").id();
		this.messages.beginTurn(id, "What do they eat?", "m", "low");

		List<SearchResult> found = this.conversations.search("wombatologist", 0, 20);
		List<SearchResult> acrossTitleAndPrompt = this.conversations.search("eat wombatologist", 0, 20);

		assertThat(found).extracting(SearchResult::id).containsExactly(id);
		SearchResult.Match match = found.get(0).matches().get(0);
		assertThat(match.in()).isEqualTo("systemPrompt");
		assertThat(match.messageId()).isNull();
		assertThat(match.excerpt().substring(match.marks().get(0).get(0), match.marks().get(0).get(1)))
			.isEqualTo("Wombatologist");
		assertThat(acrossTitleAndPrompt).extracting(SearchResult::id).containsExactly(id);
		this.conversations.update(id, ConversationPatch.systemPrompt(""));
		assertThat(this.conversations.search("wombatologist", 0, 20)).isEmpty();
	}

	@Test
	void theSystemPromptAndEachAnswersParametersExportAndImportBack() {
		UUID id = this.conversations.create(null, "Be terse.\nNo lists.").id();
		AnswerParameters parameters = new AnswerParameters(0.2, null, 500, 7L);
		Turn turn = this.messages.beginTurn(id, "Parameters, exported",
				new AnswerSpec("m", ReasoningSetting.effort("low"), null, null, parameters));
		complete(turn.assistantMessageId(), "Terse.");
		String json = this.jsonMapper.writeValueAsString(this.exporter.json(id));
		this.conversations.delete(id);
		this.clock.advance(ConversationService.UNDO_WINDOW.plusSeconds(1));
		this.conversations.purgeDeleted();

		this.importer.importJson(json);

		ConversationDetails imported = this.conversations.find(id).orElseThrow();
		assertThat(imported.systemPrompt()).isEqualTo("Be terse.\nNo lists.");
		assertThat(imported.messages().get(0).parameters()).isNull();
		assertThat(imported.messages().get(1).parameters()).isEqualTo(parameters);
		assertThat(imported.messages().get(1).metaLine()).contains("temperature 0.2 · max 500 tokens · seed 7");
		assertThat(this.exporter.markdown(id)).contains("<summary>System prompt</summary>\n\nBe terse.\nNo lists.");
	}

	@Test
	void exportedJsonImportsBackWhole_andASecondImportAddsNothing() {
		UUID id = this.conversations.create(null).id();
		Turn turn = this.messages.beginTurn(id, "Export me", "deepseek/deepseek-r1", "high");
		this.messages.finish(turn.assistantMessageId(),
				AnswerOutcome.completed(new AnswerProgress("Exported.", "Thinking about exports.",
						"[{\"type\":\"reasoning.encrypted\",\"data\":\"[REDACTED]\"}]", Instant.now(), Instant.now()),
						new AnswerOutcome.Served("DeepSeek", "gen-9", "stop", "stop"),
						new TokenUsage(3, 5, 2, new BigDecimal("0.0001")), Instant.now()));
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
		assertThat(answer.reasoningCost()).as("2 reasoning tokens at the price paid, kept through the file")
			.isEqualByComparingTo("0.000004");
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

	@Test
	void importingAConversationDeletedAMomentAgoRestoresItAsTheFileHasIt_andItIsNotPurged() {
		UUID id = this.conversations.create("Deleted by mistake").id();
		Turn turn = this.messages.beginTurn(id, "Keep me", "m", "low");
		complete(turn.assistantMessageId(), "Kept.");
		String json = this.jsonMapper.writeValueAsString(this.exporter.json(id));
		Turn later = this.messages.beginTurn(id, "Said after the export", "m", "low");
		complete(later.assistantMessageId(), "Not in the file.");
		this.conversations.delete(id);
		this.clock.advance(Duration.ofSeconds(5));

		ImportResult result = this.importer.importJson(json);
		this.clock.advance(ConversationService.UNDO_WINDOW.plusSeconds(1));
		this.conversations.purgeDeleted();

		assertThat(result.imported()).isEqualTo(1);
		assertThat(result.conversations()).containsExactly(id);
		ConversationDetails restored = this.conversations.find(id).orElseThrow();
		assertThat(restored.title()).isEqualTo("Deleted by mistake");
		assertThat(restored.messages()).extracting(MessageView::content).containsExactly("Keep me", "Kept.");
		assertThat(this.messages.find(later.userMessageId())).isEmpty();
		assertThat(this.jsonMapper.writeValueAsString(this.exporter.json(id))).isEqualTo(
				json.replaceFirst("\"exportedAt\":\"[^\"]+\"", "\"exportedAt\":\"" + this.clock.instant() + "\""));
		assertThat(this.importer.importJson(json).skipped()).as("once restored, it is here").isEqualTo(1);
	}

	@Test
	void aLongChainListedOutOfOrderImportsAsItsTree() {
		int length = 8_000;
		List<UUID> ids = java.util.stream.Stream.generate(UUID::randomUUID).limit(length).toList();
		List<Integer> shuffled = new java.util.ArrayList<>(
				java.util.stream.IntStream.range(0, length).boxed().toList());
		java.util.Collections.shuffle(shuffled, new java.util.Random(14));
		tools.jackson.databind.node.ArrayNode messages = this.jsonMapper.createArrayNode();
		for (int i : shuffled) {
			tools.jackson.databind.node.ObjectNode message = messages.addObject()
				.put("id", ids.get(i).toString())
				.put("role", (i % 2 == 0) ? "user" : "assistant")
				.put("status", "COMPLETE")
				.put("content", "m" + i)
				.put("createdAt", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i).toString());
			message.put("parentId", (i > 0) ? ids.get(i - 1).toString() : null);
		}
		UUID id = UUID.randomUUID();

		ImportResult result = this.importer.importJson(exportOf(id, messages));

		assertThat(result.conversations()).containsExactly(id);
		assertThat(this.conversations.find(id).orElseThrow().messages()).extracting(MessageView::content)
			.containsExactlyElementsOf(java.util.stream.IntStream.range(0, length).mapToObj((i) -> "m" + i).toList());
		assertThat(this.messages.find(ids.get(length - 1)).orElseThrow().parentId()).isEqualTo(ids.get(length - 2));
	}

	@Test
	void anImportPastItsBoundsIsRefusedSayingWhich() {
		tools.jackson.databind.node.ArrayNode loop = this.jsonMapper.createArrayNode();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		loop.add(question(first, second));
		loop.add(question(second, first));
		tools.jackson.databind.node.ArrayNode tooMany = this.jsonMapper.createArrayNode();
		UUID parent = null;
		for (int i = 0; i <= 10_000; i++) {
			UUID next = UUID.randomUUID();
			tooMany.add(question(next, parent));
			parent = next;
		}

		assertThatThrownBy(() -> this.importer.importJson(exportOf(UUID.randomUUID(), loop)))
			.isInstanceOf(ImportRejectedException.class)
			.hasMessageStartingWith("Conversation 1")
			.hasMessageContaining("loop");
		assertThatThrownBy(() -> this.importer.importJson(exportOf(UUID.randomUUID(), tooMany)))
			.isInstanceOf(ImportRejectedException.class)
			.hasMessage("Conversation 1 has 10001 messages; an import takes at most 10000 per conversation.");
	}

	@Test
	void everyFieldTheSchemaBoundsImportsAtItsLimit_andOneMoreIsRefusedByName() {
		UUID id = UUID.randomUUID();
		UUID answerId = UUID.randomUUID();

		this.importer.importJson(boundedAnswer(id, answerId, (answer) -> {
		}));

		MessageView answer = this.messages.find(answerId).orElseThrow();
		assertThat(answer.model()).hasSize(200);
		assertThat(answer.reasoningSetting()).hasSize(32);
		assertThat(answer.error().message()).hasSize(2000);
		assertThat(answer.usage().cost()).isEqualByComparingTo("9999999999.9999999999");
		assertThat(answer.relay().thinkerUsage().cost()).isEqualByComparingTo("9999999999.9999999999");
		UUID finer = UUID.randomUUID();
		this.importer.importJson(
				boundedAnswer(UUID.randomUUID(), finer, (a) -> ((tools.jackson.databind.node.ObjectNode) a.get("usage"))
					.put("cost", new BigDecimal("0.000000000012345"))));
		assertThat(this.messages.find(finer).orElseThrow().usage().cost()).as("rounded to the column's ten places")
			.isEqualByComparingTo("0.0000000000");
		Map<String, java.util.function.Consumer<tools.jackson.databind.node.ObjectNode>> overflows = new java.util.LinkedHashMap<>();
		overflows.put("model", (a) -> a.put("model", "m".repeat(201)));
		overflows.put("reasoningSetting", (a) -> a.put("reasoningSetting", "r".repeat(33)));
		overflows.put("provider", (a) -> a.put("provider", "p".repeat(201)));
		overflows.put("generationId", (a) -> a.put("generationId", "g".repeat(201)));
		overflows.put("finishReason", (a) -> a.put("finishReason", "f".repeat(65)));
		overflows.put("nativeFinishReason", (a) -> a.put("nativeFinishReason", "n".repeat(65)));
		overflows.put("error.code",
				(a) -> ((tools.jackson.databind.node.ObjectNode) a.get("error")).put("code", "c".repeat(65)));
		overflows.put("error.message",
				(a) -> ((tools.jackson.databind.node.ObjectNode) a.get("error")).put("message", "e".repeat(2001)));
		overflows.put("usage.cost",
				(a) -> ((tools.jackson.databind.node.ObjectNode) a.get("usage")).put("cost", new BigDecimal("1E10")));
		overflows.put("usage.promptTokens",
				(a) -> ((tools.jackson.databind.node.ObjectNode) a.get("usage")).put("promptTokens", -1));
		overflows.put("relay.thinkerModel",
				(a) -> ((tools.jackson.databind.node.ObjectNode) a.get("relay")).put("thinkerModel", "t".repeat(201)));
		overflows.put("relay.thinkerProvider", (a) -> ((tools.jackson.databind.node.ObjectNode) a.get("relay"))
			.put("thinkerProvider", "t".repeat(201)));
		overflows.put("relay.thinkerUsage.cost",
				(a) -> ((tools.jackson.databind.node.ObjectNode) a.get("relay").get("thinkerUsage")).put("cost",
						new BigDecimal("12345678901")));
		overflows.put("finishedAt", (a) -> a.put("finishedAt", "+10000-01-01T00:00:00Z"));
		overflows.forEach((field,
				overflow) -> assertThatThrownBy(
						() -> this.importer.importJson(boundedAnswer(UUID.randomUUID(), UUID.randomUUID(), overflow)))
					.as(field)
					.isInstanceOf(ImportRejectedException.class)
					.hasMessageStartingWith("Conversation 1, message 2: " + field + " "));
	}

	/** A file of one conversation whose answer has every bounded field at its limit. */
	private String boundedAnswer(UUID id, UUID answerId,
			java.util.function.Consumer<tools.jackson.databind.node.ObjectNode> change) {
		UUID questionId = UUID.randomUUID();
		tools.jackson.databind.node.ArrayNode messages = this.jsonMapper.createArrayNode();
		messages.add(question(questionId, null));
		tools.jackson.databind.node.ObjectNode answer = messages.addObject()
			.put("id", answerId.toString())
			.put("parentId", questionId.toString())
			.put("role", "assistant")
			.put("status", "FAILED")
			.put("content", "Partly")
			.put("model", "m".repeat(200))
			.put("reasoningSetting", "r".repeat(32))
			.put("provider", "p".repeat(200))
			.put("generationId", "g".repeat(200))
			.put("finishReason", "f".repeat(64))
			.put("nativeFinishReason", "n".repeat(64))
			.put("createdAt", "2026-01-01T00:00:01Z")
			.put("finishedAt", "9999-12-31T23:59:59Z");
		answer.putObject("error").put("code", "c".repeat(64)).put("message", "e".repeat(2000));
		answer.putObject("usage")
			.put("promptTokens", Integer.MAX_VALUE)
			.put("completionTokens", 0)
			.put("cost", new BigDecimal("9999999999.9999999999"));
		tools.jackson.databind.node.ObjectNode relay = answer.putObject("relay")
			.put("thinkerModel", "t".repeat(200))
			.put("thinkerProvider", "t".repeat(200));
		relay.putObject("thinkerUsage").put("reasoningTokens", 12).put("cost", new BigDecimal("9999999999.9999999999"));
		change.accept(answer);
		return exportOf(id, messages);
	}

	private tools.jackson.databind.node.ObjectNode question(UUID id, UUID parentId) {
		tools.jackson.databind.node.ObjectNode question = this.jsonMapper.createObjectNode()
			.put("id", id.toString())
			.put("role", "user")
			.put("status", "COMPLETE")
			.put("content", "Why?")
			.put("createdAt", "2026-01-01T00:00:00Z");
		question.put("parentId", (parentId != null) ? parentId.toString() : null);
		return question;
	}

	private String exportOf(UUID id, tools.jackson.databind.node.ArrayNode messages) {
		tools.jackson.databind.node.ObjectNode file = this.jsonMapper.createObjectNode()
			.put("format", "ponder")
			.put("version", 1);
		file.putArray("conversations")
			.addObject()
			.put("id", id.toString())
			.put("title", "Imported")
			.put("createdAt", "2026-01-01T00:00:00Z")
			.set("messages", messages);
		return this.jsonMapper.writeValueAsString(file);
	}

	/**
	 * Answers take time: each one ends a second later than the last thing that happened.
	 */
	private void complete(UUID answerId, String content) {
		this.clock.advance(Duration.ofSeconds(1));
		this.messages.finish(answerId, AnswerOutcome.completed(new AnswerProgress(content, "", null, null, null),
				new AnswerOutcome.Served(null, null, "stop", null), TokenUsage.NONE, this.clock.instant()));
	}

	@Test
	void longTextsAndUnicodeSurviveTheRoundTrip() {
		UUID id = this.conversations.create(null).id();
		String longText = "数学 ∑ 🙂 <script>alert(1)</script> ".repeat(4000);

		Turn turn = this.messages.beginTurn(id, longText, "m", "low");

		assertThat(this.messages.find(turn.userMessageId()).orElseThrow().content()).isEqualTo(longText);
	}

}
