package dev.ponder.share;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ShareLinkRepository extends JpaRepository<ShareLink, String> {

	Optional<ShareLink> findByConversationId(UUID conversationId);

	/** One account's links, the most recently shared first. */
	List<ShareLink> findByOwnerIdOrderByUpdatedAtDesc(UUID ownerId);

	/** Every link (accounts off), the most recently shared first. */
	List<ShareLink> findAllByOrderByUpdatedAtDesc();

	/** Hands the links made with accounts off to an account. */
	@Modifying
	@Query("update ShareLink link set link.ownerId = :ownerId where link.ownerId is null")
	int adoptOwnerless(@Param("ownerId") UUID ownerId);

}
