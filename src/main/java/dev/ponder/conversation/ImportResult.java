package dev.ponder.conversation;

import java.util.List;
import java.util.UUID;

/**
 * What an import did: conversations added, and those skipped because they were already
 * here.
 */
public record ImportResult(int imported, int skipped, List<UUID> conversations) {
}
