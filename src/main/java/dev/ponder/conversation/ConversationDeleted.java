package dev.ponder.conversation;

import java.util.UUID;

/**
 * A conversation was deleted (it can still be restored for a while): whatever of it is
 * still being answered must stop, or it would go on costing with nobody to see it.
 *
 * @param conversationId the deleted conversation
 */
public record ConversationDeleted(UUID conversationId) {
}
