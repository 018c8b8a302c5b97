package dev.ponder.share;

import java.time.Instant;
import java.util.UUID;

/**
 * A share link as its owner sees it, in the API and on the settings page.
 *
 * @param token the link's secret part
 * @param url the whole link, to hand to others
 * @param title the conversation's title when it was last shared
 * @param showCosts whether readers see what each answer cost
 * @param createdAt when the link was first made
 * @param updatedAt when it was last shared, the moment it shows
 */
public record ShareView(String token, String url, UUID conversationId, String title, boolean showCosts,
		Instant createdAt, Instant updatedAt) {

	static ShareView of(ShareLink link, String url) {
		return new ShareView(link.getToken(), url, link.getConversationId(), link.getTitle(), link.isShowCosts(),
				link.getCreatedAt(), link.getUpdatedAt());
	}

}
