package dev.ponder.upstream;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.ponder.upstream.UpstreamEvent.Content;
import dev.ponder.upstream.UpstreamEvent.ContentWasReasoning;
import dev.ponder.upstream.UpstreamEvent.Reasoning;

import static org.assertj.core.api.Assertions.assertThat;

class InlineThinkTagsTest {

	private final InlineThinkTags tags = new InlineThinkTags();

	@ParameterizedTest
	@CsvSource({ "<think>,</think>", "<thinking>,</thinking>", "<reasoning>,</reasoning>", "◁think▷,◁/think▷" })
	void everySpellingSplitsReasoningFromAnswer(String opening, String closing) {
		List<UpstreamEvent> events = this.tags.accept(opening + "\nPlan it." + closing + "\n\nDone.");

		assertThat(events).containsExactly(new Reasoning("Plan it."), new Content("Done."));
	}

	@Test
	void partialOpeningTagIsHeldBackUntilItCompletes() {
		assertThat(this.tags.accept("<thi")).isEmpty();
		assertThat(this.tags.accept("nk>Plan")).containsExactly(new Reasoning("Plan"));
	}

	@Test
	void closingTagSplitIntoThreePiecesStillCloses() {
		assertThat(this.tags.accept("<think>Plan")).containsExactly(new Reasoning("Plan"));
		assertThat(this.tags.accept("<")).isEmpty();
		assertThat(this.tags.accept("/think")).isEmpty();
		assertThat(this.tags.accept(">\n\nAnswer")).containsExactly(new Content("Answer"));
	}

	@Test
	void heldBackTextIsReleasedAsSoonAsItCannotBeATag() {
		assertThat(this.tags.accept("if a <")).containsExactly(new Content("if a "));
		assertThat(this.tags.accept(" b")).containsExactly(new Content("< b"));
	}

	@Test
	void heldBackTextInsideReasoningIsReleasedAsReasoning() {
		assertThat(this.tags.accept("<think>x </th")).containsExactly(new Reasoning("x "));
		assertThat(this.tags.accept("e end")).containsExactly(new Reasoning("</the end"));
	}

	@Test
	void trailingLessThanIsContentAtTheEnd() {
		assertThat(this.tags.accept("x <")).containsExactly(new Content("x "));
		assertThat(this.tags.finish()).containsExactly(new Content("<"));
	}

	@Test
	void partialOpeningTagThatNeverCompletesIsContent() {
		assertThat(this.tags.accept("<thin")).isEmpty();
		assertThat(this.tags.finish()).containsExactly(new Content("<thin"));
	}

	@Test
	void unclosedThinkBlockIsAllReasoning() {
		assertThat(this.tags.accept("<think>\nStill going </thi")).containsExactly(new Reasoning("Still going "));
		assertThat(this.tags.finish()).containsExactly(new Reasoning("</thi"));
	}

	@Test
	void leadingWhitespaceBeforeTheOpeningTagIsDropped() {
		assertThat(this.tags.accept("\n  ")).isEmpty();
		assertThat(this.tags.accept("<think>Plan</think> Answer")).containsExactly(new Reasoning("Plan"),
				new Content("Answer"));
	}

	@Test
	void whitespaceAfterTheClosingTagIsDroppedEvenAcrossChunks() {
		this.tags.accept("<think>Plan</think>");

		assertThat(this.tags.accept("\n")).isEmpty();
		assertThat(this.tags.accept(" \n")).isEmpty();
		assertThat(this.tags.accept("Answer\n\nmore")).containsExactly(new Content("Answer\n\nmore"));
	}

	@Test
	void emptyThinkBlockGivesNoReasoning() {
		assertThat(this.tags.accept("<think>\n\n</think>\n\nHello")).containsExactly(new Content("Hello"));
	}

	@Test
	void openingTagAfterTheStartIsJustText() {
		assertThat(this.tags.accept("Use <think> tags")).containsExactly(new Content("Use <think> tags"));
		assertThat(this.tags.accept(" and </think>.")).containsExactly(new Content(" and </think>."));
	}

	@Test
	void onlyTheFirstClosingTagEndsTheBlock() {
		assertThat(this.tags.accept("<think>a</think>b</think>c")).containsExactly(new Reasoning("a"),
				new Content("b</think>c"));
	}

	@Test
	void onlyTheMatchingClosingTagEndsTheBlock() {
		assertThat(this.tags.accept("<thinking>a</think>b</thinking>c")).containsExactly(new Reasoning("a</think>b"),
				new Content("c"));
	}

	@Test
	void orphanClosingTagTurnsEarlierContentIntoReasoning() {
		assertThat(this.tags.accept("Thinking")).containsExactly(new Content("Thinking"));
		assertThat(this.tags.accept(" more</think>\n\nAnswer")).containsExactly(new ContentWasReasoning(),
				new Reasoning(" more"), new Content("Answer"));
		assertThat(this.tags.accept(" </think>")).containsExactly(new Content(" </think>"));
	}

	@Test
	void orphanClosingTagAtTheVeryStartEndsAnEmptyBlock() {
		assertThat(this.tags.accept("</think>\n\nHi")).containsExactly(new Content("Hi"));
	}

	@Test
	void nothingIsHeldBackAfterFinish() {
		this.tags.accept("<think>Plan");
		this.tags.finish();

		assertThat(this.tags.finish()).isEmpty();
	}

}
