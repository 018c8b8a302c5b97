package dev.ponder.conversation;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A change to a conversation: a new title, pinned or not. Absent fields stay as they are.
 */
public record ConversationPatch(@Size(min = 1, max = Conversation.MAX_TITLE_LENGTH,
		message = "The title must be 1 to 200 characters long.") @Pattern(regexp = "(?s).*\\S.*",
				message = "The title is empty.") String title,
		Boolean pinned) {
}
