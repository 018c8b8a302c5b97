package dev.ponder.share;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ShareLinkRepository extends JpaRepository<ShareLink, String> {

	Optional<ShareLink> findByConversationId(UUID conversationId);

	/** One account's links, the most recently shared first. */
	List<ShareLink> findByOwnerIdOrderByUpdatedAtDesc(UUID ownerId);

	/** Every link (accounts off), the most recently shared first. */
	List<ShareLink> findAllByOrderByUpdatedAtDesc();

}
