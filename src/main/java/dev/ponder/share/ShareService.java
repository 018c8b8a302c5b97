package dev.ponder.share;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.ponder.account.CurrentOwner;
import dev.ponder.account.Owner;
import dev.ponder.conversation.NotFoundException;
import dev.ponder.conversation.SharedConversations;
import dev.ponder.persistence.Constraints;
import dev.ponder.problem.ErrorCode;
import dev.ponder.problem.ProblemException;

/**
 * Makes, lists and revokes a person's share links, and reads what a link shows for anyone
 * who holds it.
 */
@Service
@Transactional(readOnly = true)
public class ShareService {

	private final ShareLinkRepository links;

	private final SharedConversations shared;

	private final CurrentOwner owner;

	private final SharingProperties properties;

	private final Clock clock;

	private final TransactionTemplate transactions;

	ShareService(ShareLinkRepository links, SharedConversations shared, CurrentOwner owner,
			SharingProperties properties, Clock clock, TransactionTemplate transactions) {
		this.links = links;
		this.shared = shared;
		this.owner = owner;
		this.properties = properties;
		this.clock = clock;
		this.transactions = transactions;
	}

	public boolean sharingOn() {
		return this.properties.on();
	}

	/**
	 * Shares the person's conversation as it is now: a new link the first time, the same
	 * link moved to now after. {@code showCosts} {@code null} keeps the link's choice
	 * (none for a new link).
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Shared share(UUID conversationId, Boolean showCosts) {
		if (!sharingOn()) {
			throw new ProblemException(ErrorCode.SHARING_OFF,
					"Sharing is turned off on this Ponder (PONDER_SHARING=off): no link can be made.");
		}
		try {
			return this.transactions.execute((status) -> shareNow(conversationId, showCosts));
		}
		catch (DataIntegrityViolationException ex) {
			if (!Constraints.violated(ex, "share_link_one_per_conversation")) {
				throw ex;
			}
			// Another request (a second tab, a retried script) made the link between our
			// look and our insert. Look again in a new transaction, as PostgreSQL ends
			// the failed one: the link is there now, and this share moves it.
			return this.transactions.execute((status) -> shareNow(conversationId, showCosts));
		}
	}

	private Shared shareNow(UUID conversationId, Boolean showCosts) {
		SharedConversations.Moment snapshot = this.shared.now(conversationId)
			.orElseThrow(() -> NotFoundException.conversation(conversationId));
		Optional<ShareLink> existing = this.links.findByConversationId(conversationId);
		if (existing.isPresent()) {
			ShareLink link = existing.get();
			link.refresh(snapshot, (showCosts != null) ? showCosts : link.isShowCosts(), this.clock.instant());
			return new Shared(view(link), false);
		}
		ShareLink link = new ShareLink(ShareTokens.next(), this.owner.get().accountId(), conversationId, snapshot,
				Boolean.TRUE.equals(showCosts), this.clock.instant());
		// Flushed here, so that a clash with a link made meanwhile is raised inside.
		return new Shared(view(this.links.saveAndFlush(link)), true);
	}

	/**
	 * Whether the person's link to the conversation shows costs, so that the Share form
	 * without JavaScript starts from what the link shows; {@code false} without a link.
	 */
	public boolean showsCosts(UUID conversationId) {
		Owner current = this.owner.get();
		return this.links.findByConversationId(conversationId)
			.filter((link) -> current.owns(link.getOwnerId()))
			.map(ShareLink::isShowCosts)
			.orElse(false);
	}

	/** The person's links, the most recently shared first. */
	public List<ShareView> list() {
		Owner current = this.owner.get();
		return (current.isEveryone() ? this.links.findAllByOrderByUpdatedAtDesc()
				: this.links.findByOwnerIdOrderByUpdatedAtDesc(current.accountId()))
			.stream()
			.map(this::view)
			.toList();
	}

	/**
	 * Shows or hides the answers' costs on a link of the person's, without moving it to
	 * the conversation as it is now.
	 */
	@Transactional
	public ShareView showCosts(String token, boolean showCosts) {
		ShareLink link = owned(token);
		link.showCosts(showCosts);
		return view(link);
	}

	/** Ends a link of the person's; anyone else's is as unknown as none. */
	@Transactional
	public void revoke(String token) {
		this.links.delete(owned(token));
	}

	private ShareLink owned(String token) {
		Owner current = this.owner.get();
		return (ShareTokens.wellFormed(token) ? this.links.findById(token) : Optional.<ShareLink>empty())
			.filter((found) -> current.owns(found.getOwnerId()))
			.orElseThrow(() -> new ProblemException(ErrorCode.NOT_FOUND, "No share link " + token + "."));
	}

	/**
	 * What the link shows, for anyone who holds it; empty for a malformed, unknown or
	 * revoked token, a deleted conversation, or while sharing is off.
	 */
	public Optional<SharedPage> page(String token) {
		if (!sharingOn() || !ShareTokens.wellFormed(token)) {
			return Optional.empty();
		}
		return this.links.findById(token)
			.flatMap((link) -> this.shared.path(link.getConversationId(), link.getLeafMessageId(), link.isShowCosts())
				.map((messages) -> new SharedPage(link.getTitle(), link.getUpdatedAt(), SharedMessages.of(messages),
						link.isShowCosts())));
	}

	/** The link in full, for the host and path the request came to. */
	private ShareView view(ShareLink link) {
		String url = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/s/{token}")
			.buildAndExpand(link.getToken())
			.toUriString();
		return ShareView.of(link, url);
	}

	/** A link, and whether it was just made. */
	public record Shared(ShareView link, boolean created) {
	}

}
