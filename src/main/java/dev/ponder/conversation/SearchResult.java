package dev.ponder.conversation;

import java.time.Instant;
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
	 * @param messageId the message, or {@code null} for the title
	 * @param in {@code title}, {@code question}, {@code answer} or {@code reasoning}
	 * @param excerpt plain text around the match, "…" where cut
	 * @param marks the {@code [start, end)} character ranges of the excerpt that matched
	 */
	public record Match(UUID messageId, String in, String excerpt, List<List<Integer>> marks) {
	}

}
