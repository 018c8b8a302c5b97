package dev.ponder.conversation;

import java.util.UUID;

import jakarta.persistence.MappedSuperclass;

/**
 * {@link dev.ponder.persistence.NewUntilStored} for conversations and messages, whose ids
 * are UUIDs; kept so that they need not change, to be dropped once they extend the shared
 * class themselves.
 */
@MappedSuperclass
abstract class NewUntilStored extends dev.ponder.persistence.NewUntilStored<UUID> {

}
