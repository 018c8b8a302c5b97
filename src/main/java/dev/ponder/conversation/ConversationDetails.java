package dev.ponder.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A conversation with the messages of the branch it follows, oldest first, and what all
 * its answers (every branch) cost together.
 *
 * @param totals what all its answers used and cost, reasoning's share included
 * @param systemPrompt the instructions sent first on every turn, or {@code null}
 * @param carryReasoning whether earlier answers' reasoning goes back upstream with them
 */
public record ConversationDetails(UUID id, String title, Instant createdAt, Instant updatedAt, boolean pinned,
		ConversationTotals totals, List<MessageView> messages, String systemPrompt, boolean carryReasoning,
		boolean madeThroughApi) {

	/**
	 * Its tokens and cost worded by {@link AnswerSummary}, or {@code null} before any.
	 */
	@JsonProperty("totalsLine")
	public String totalsLine() {
		return AnswerSummary.totals(this.totals);
	}

}
