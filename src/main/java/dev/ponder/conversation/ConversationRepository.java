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

	/**
	 * The sidebar's order: pinned first, then the most recently active. Lists, exports
	 * and searches leave out the calls through the API made not to be saved.
	 */
	List<Conversation> findByDeletedAtIsNullAndKeptTrueOrderByPinnedDescUpdatedAtDesc(Pageable page);

	List<Conversation> findByOwnerIdAndDeletedAtIsNullAndKeptTrueOrderByPinnedDescUpdatedAtDesc(UUID ownerId,
			Pageable page);

	List<Conversation> findByDeletedAtIsNullAndKeptTrueOrderByCreatedAt();

	List<Conversation> findByOwnerIdAndDeletedAtIsNullAndKeptTrueOrderByCreatedAt(UUID ownerId);

	List<Conversation> findByIdInAndDeletedAtIsNullAndKeptTrue(Collection<UUID> ids);

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
