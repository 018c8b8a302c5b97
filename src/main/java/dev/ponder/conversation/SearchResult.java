package dev.ponder.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A conversation that matches a search, with where it matched.
 */
public record SearchResult(UUID id, String title, Instant createdAt, Instant updatedAt, boolean pinned,
		List<Match> matches) {

	/**
	 * One place that matched.
	 *
	 * @param messageId the message, or {@code null} for the title and the system prompt
	 * @param in {@code title}, {@code systemPrompt}, {@code question}, {@code answer} or
	 * {@code reasoning}
	 * @param excerpt plain text around the match, "…" where cut
	 * @param marks the {@code [start, end)} character ranges of the excerpt that matched
	 */
	public record Match(UUID messageId, String in, String excerpt, List<List<Integer>> marks) {

		/**
		 * The excerpt cut at its marks, for a page to wrap the marked pieces in
		 * {@code <mark>}. Marks may overlap (two searched words matching at one place),
		 * so each piece starts after the furthest end before it.
		 */
		public List<Piece> pieces() {
			List<Piece> pieces = new ArrayList<>();
			int shown = 0;
			for (List<Integer> mark : this.marks) {
				int start = Math.max(mark.get(0), shown);
				int end = Math.min(mark.get(1), this.excerpt.length());
				if (start >= end) {
					continue;
				}
				if (start > shown) {
					pieces.add(new Piece(this.excerpt.substring(shown, start), false));
				}
				pieces.add(new Piece(this.excerpt.substring(start, end), true));
				shown = end;
			}
			if (shown < this.excerpt.length()) {
				pieces.add(new Piece(this.excerpt.substring(shown), false));
			}
			return pieces;
		}

	}

	/** Part of an excerpt, and whether it is what was searched for. */
	public record Piece(String text, boolean marked) {
	}

}
