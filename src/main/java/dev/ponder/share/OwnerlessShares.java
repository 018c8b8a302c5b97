package dev.ponder.share;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.ponder.account.AdministratorAvailable;

/**
 * Links made while accounts were off have no owner: the first administrator gets them, as
 * they get the conversations the links show, so that someone can still revoke them.
 */
@Component
class OwnerlessShares {

	private final ShareLinkRepository links;

	OwnerlessShares(ShareLinkRepository links) {
		this.links = links;
	}

	@EventListener
	@Transactional
	void handOver(AdministratorAvailable administrator) {
		this.links.adoptOwnerless(administrator.accountId());
	}

}
