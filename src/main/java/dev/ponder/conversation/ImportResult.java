package dev.ponder.conversation;

import java.util.List;
import java.util.UUID;

/**
 * What an import did: conversations added (or brought back from a delete within its undo
 * window), those skipped because they were already here, and the ids of those stored.
 */
public record ImportResult(int imported, int skipped, List<UUID> conversations) {
}
