package dev.ponder.conversation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An excerpt cut at its marks reads as the excerpt, whole, with each matched place marked
 * once, wherever the marks fall.
 */
class SearchResultTest {

	@Test
	void aMarkAtTheVeryEndIsMarkedAndNothingFollowsIt() {
		SearchResult.Match match = new SearchResult.Match(null, "title", "All about the axolotl",
				List.of(List.of(14, 21)));

		assertThat(match.pieces()).containsExactly(new SearchResult.Piece("All about the ", false),
				new SearchResult.Piece("axolotl", true));
	}

	@Test
	void overlappingMarksAreMarkedOnceAndTheTextStaysWhole() {
		SearchResult.Match match = new SearchResult.Match(null, "answer", "abcdefghij",
				List.of(List.of(0, 5), List.of(2, 4), List.of(3, 8)));

		assertThat(match.pieces()).containsExactly(new SearchResult.Piece("abcde", true),
				new SearchResult.Piece("fgh", true), new SearchResult.Piece("ij", false));
	}

	@Test
	void anExcerptWithoutMarksIsOnePlainPiece() {
		SearchResult.Match match = new SearchResult.Match(null, "question", "Nothing here", List.of());

		assertThat(match.pieces()).containsExactly(new SearchResult.Piece("Nothing here", false));
	}

}
