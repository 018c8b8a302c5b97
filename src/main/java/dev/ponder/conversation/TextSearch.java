package dev.ponder.conversation;

import java.util.List;
import java.util.UUID;

/**
 * Finds messages, and conversations by their title and system prompt, by the words they
 * hold, with the database's own full-text index.
 */
interface TextSearch {

	/**
	 * The ids of matching messages and of conversations whose title or system prompt
	 * matches, at most {@code limit}, among the conversations of {@code ownerId} (all of
	 * them when null).
	 */
	Hits find(String query, UUID ownerId, int limit);

	/** What a search found. */
	record Hits(List<UUID> messageIds, List<UUID> conversationIds) {
	}

}
