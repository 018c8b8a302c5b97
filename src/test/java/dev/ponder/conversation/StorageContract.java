package dev.ponder.conversation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What storage must do on every database Ponder runs on. Each database has a subclass.
 */
abstract class StorageContract {

	@Autowired
	ConversationService conversations;

	@Autowired
	MessageService messages;

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

		this.messages.checkpoint(turn.assistantMessageId(),
				new AnswerProgress("9.9", "Compare", null, thinking, answering));
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

		this.messages.checkpoint(turn.assistantMessageId(),
				new AnswerProgress("Half an answer, later", "", null, null, Instant.now()));

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
		this.messages.checkpoint(turn.assistantMessageId(),
				new AnswerProgress("Partial", "Thinking…", null, Instant.now(), Instant.now()));

		this.messages.failInterrupted();

		MessageView answer = this.messages.find(turn.assistantMessageId()).orElseThrow();
		assertThat(answer.status()).isEqualTo(MessageStatus.FAILED);
		assertThat(answer.error().code()).isEqualTo("interrupted");
		assertThat(answer.content()).isEqualTo("Partial");
		assertThat(answer.reasoning()).isEqualTo("Thinking…");
	}

	@Test
	void deletingAConversationDeletesItsMessagesAndUnknownIdsAreNotFound() {
		UUID id = this.conversations.create(null).id();
		Turn turn = this.messages.beginTurn(id, "Forget me", "m", "low");

		this.conversations.delete(id);

		assertThat(this.conversations.find(id)).isEmpty();
		assertThat(this.messages.find(turn.userMessageId())).isEmpty();
		assertThatThrownBy(() -> this.conversations.delete(id)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.messages.beginTurn(UUID.randomUUID(), "x", "m", "low"))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void longTextsAndUnicodeSurviveTheRoundTrip() {
		UUID id = this.conversations.create(null).id();
		String longText = "数学 ∑ 🙂 <script>alert(1)</script> ".repeat(4000);

		Turn turn = this.messages.beginTurn(id, longText, "m", "low");

		assertThat(this.messages.find(turn.userMessageId()).orElseThrow().content()).isEqualTo(longText);
	}

}
