package dev.ponder.account;

import java.util.UUID;

/**
 * Published when an administrator exists with accounts on: at start, and when the first
 * one is made. Conversations made while accounts were off, which have no owner, become
 * theirs.
 *
 * @param accountId the oldest administrator still enabled
 */
public record AdministratorAvailable(UUID accountId) {
}
