package dev.ponder.share;

import java.time.Instant;
import java.util.List;

import dev.ponder.chat.MessageItem;

/**
 * What a share link's page shows.
 *
 * @param title the conversation's title when it was shared
 * @param sharedAt the moment it shows
 * @param messages the path it shows, oldest first
 * @param showCosts whether the answers' costs are in it
 */
public record SharedPage(String title, Instant sharedAt, List<MessageItem> messages, boolean showCosts) {
}
