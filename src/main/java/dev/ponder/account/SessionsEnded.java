package dev.ponder.account;

import org.jspecify.annotations.Nullable;

/**
 * An account's sessions must end: it logged out everywhere else, its password changed, or
 * it was disabled.
 *
 * @param username whose sessions end
 * @param except the id of the session that asked and carries on, if any
 */
record SessionsEnded(String username, @Nullable String except) {
}
