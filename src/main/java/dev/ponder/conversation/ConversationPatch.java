package dev.ponder.conversation;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A change to a conversation: a new title, pinned or not, a system prompt (empty removes
 * it), whether earlier answers' reasoning goes back upstream. Absent fields stay as they
 * are.
 */
public record ConversationPatch(
		@Size(min = 1, max = Conversation.MAX_TITLE_LENGTH,
				message = "The title must be 1 to 200 characters long.") @Pattern(regexp = "(?s).*\\S.*",
						message = "The title is empty.") String title,
		Boolean pinned,
		@Size(max = Conversation.MAX_SYSTEM_PROMPT_LENGTH,
				message = "The system prompt is longer than 100,000 characters.") String systemPrompt,
		Boolean carryReasoning) {

	/** A new title, or pinned or not. */
	public ConversationPatch(String title, Boolean pinned) {
		this(title, pinned, null, null);
	}

	/** Only a new system prompt; empty removes it. */
	public static ConversationPatch systemPrompt(String systemPrompt) {
		return new ConversationPatch(null, null, (systemPrompt != null) ? systemPrompt : "", null);
	}

	/** Only whether the model sees its earlier reasoning. */
	public static ConversationPatch carryReasoning(boolean carryReasoning) {
		return new ConversationPatch(null, null, null, carryReasoning);
	}

}
