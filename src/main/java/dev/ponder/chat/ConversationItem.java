package dev.ponder.chat;

import java.time.Instant;
import java.util.UUID;

import dev.ponder.conversation.ConversationDetails;
import dev.ponder.conversation.ConversationTotals;

/**
 * The open conversation as its page header shows it: title, pin, what it has cost so far,
 * and its system prompt, shown folded above the thread; whether the model sees its
 * earlier reasoning, a switch in its menu.
 */
public record ConversationItem(UUID id, String title, Instant createdAt, Instant updatedAt, boolean pinned,
		ConversationTotals totals, String totalsLine, String systemPrompt, boolean carryReasoning,
		boolean madeThroughApi) {

	/**
	 * The system prompt's first line, for its folded summary; {@code null} without one.
	 */
	public String systemPromptFirstLine() {
		return (this.systemPrompt != null) ? this.systemPrompt.lines().findFirst().orElse("").strip() : null;
	}

	static ConversationItem of(ConversationDetails details) {
		return new ConversationItem(details.id(), details.title(), details.createdAt(), details.updatedAt(),
				details.pinned(), details.totals(), details.totalsLine(), details.systemPrompt(),
				details.carryReasoning(), details.madeThroughApi());
	}

}
