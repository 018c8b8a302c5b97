package dev.ponder.reader;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.ponder.testing.BrowserTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The turns of mind that {@code reasoning-markers.js} finds, run in Chromium as the page
 * runs it (imported from the app), on long real-style reasoning and on sentences that
 * only look like turns.
 */
class ReasoningMarkersBrowserTest extends BrowserTestSupport {

	@BeforeEach
	void openAnyPage() {
		this.page.navigate("/");
	}

	@Test
	void findsEveryChangeOfCourseInAStaircaseProof() {
		String text = ReasoningSamples.read("staircase.txt");

		List<String> turns = turnsIn(text);

		assertThat(turns).containsExactly("Hmm, how should I treat", "Wait, let me list them",
				"Let me double-check the recurrence", "Hmm, but actually I should", "But earlier I assumed the",
				"Wait, I should reread the", "Hmm, 88. Let me verify", "That's not right. The recurrence",
				"Oh, I made a mistake", "Let me double-check t(11) with", "Hold on, for n =",
				"Actually, one more consideration. Someon");
	}

	@Test
	void findsTheTurnsOfABugHuntAndNotItsAwaitsOrItsSocialism() {
		String text = ReasoningSamples.read("async-bug.txt");

		List<String> turns = turnsIn(text);

		assertThat(turns).containsExactly("Hmm. That contradicts what they", "That contradicts what they describe.",
				"Let me reread their message.", "Actually, wait. Maybe the code", "Let me double-check that there",
				"Hmm, that is another way", "But earlier I said the", "No, wait, I should check",
				"Let me reconsider the order", "Wait, there's a subtlety: could", "Hmm, should I mention that");
		assertThat(String.join("\n", turns)).doesNotContainIgnoringCase("socialism")
			.doesNotContain("wait for")
			.doesNotContain("await");
	}

	@Test
	void matchesAtSentenceStartsOnlyAndNeverInsideAWord() {
		String text = """
				Actually-existing socialism was a phrase of the 1970s. The people awaiting trains were calm.
				I'll wait for the result. We await it. Waiting is fine. She actually said so. Hmmph, no.
				The awaited reply was "wait". Hmmm. that's wrong, I think. (Actually, no.) Let me check the sum.
				- On second thought, skip it. 2. Hold on. Holding on is hard. No, that’s not right. Wait… really?""";

		List<Map<String, Object>> turns = findTurns(text);

		assertThat(turns).extracting((turn) -> turn.get("phrase"))
			.containsExactly("Hmmm", "that's wrong", "Actually", "On second thought", "Hold on", "No, that’s not right",
					"Wait");
		assertThat(turns.get(0).get("index")).isEqualTo(text.indexOf("Hmmm"));
		assertThat(turns.get(0).get("length")).isEqualTo(4);
	}

	@Test
	void findsNothingInReasoningThatNeverChangesCourse() {
		assertThat(findTurns("The sum is 7. I double-checked it against the table, which agrees.\n\nSo 7.")).isEmpty();
		assertThat(findTurns("")).isEmpty();
	}

	/** Each turn as its first words, for assertions a person can read. */
	private List<String> turnsIn(String text) {
		return findTurns(text).stream().map((turn) -> {
			int index = ((Number) turn.get("index")).intValue();
			String from = text.substring(index, Math.min(text.length(), index + 40));
			String[] words = from.split("\\s+");
			return String.join(" ", List.of(words).subList(0, Math.min(5, words.length)));
		}).toList();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> findTurns(String text) {
		return (List<Map<String, Object>>) this.page
			.evaluate("async (text) => (await import('/js/reasoning-markers.js')).findTurns(text)", text);
	}

}
