package dev.ponder.conversation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ConversationRepository extends JpaRepository<Conversation, UUID> {

	/** The sidebar's order: pinned first, then the most recently active. */
	List<Conversation> findByDeletedAtIsNullOrderByPinnedDescUpdatedAtDesc(Pageable page);

	List<Conversation> findByOwnerIdAndDeletedAtIsNullOrderByPinnedDescUpdatedAtDesc(UUID ownerId, Pageable page);

	List<Conversation> findByDeletedAtIsNullOrderByCreatedAt();

	List<Conversation> findByOwnerIdAndDeletedAtIsNullOrderByCreatedAt(UUID ownerId);

	List<Conversation> findByIdInAndDeletedAtIsNull(Collection<UUID> ids);

	/**
	 * Removes for good what was deleted before the cutoff; the database cascades to the
	 * messages.
	 */
	/** Hands the conversations made with accounts off to an account. */
	@Modifying
	@Query("update Conversation c set c.ownerId = :ownerId where c.ownerId is null")
	int adoptOwnerless(UUID ownerId);

	@Modifying
	@Query("delete from Conversation c where c.deletedAt < :cutoff")
	int purgeDeletedBefore(Instant cutoff);

}
