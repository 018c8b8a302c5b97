package dev.ponder.attachment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AttachmentRepository extends JpaRepository<Attachment, UUID> {

	/**
	 * The files of these questions, each with its question, in the order sent: one query
	 * for a whole page of messages.
	 */
	@Query("""
			select link.messageId, attachment from MessageAttachment link, Attachment attachment
			where attachment.id = link.attachmentId and link.messageId in :messageIds
			order by link.position""")
	List<Object[]> findByMessageIds(@Param("messageIds") Collection<UUID> messageIds);

	/** Files uploaded before {@code cutoff} that no question took. */
	@Query("select attachment.id from Attachment attachment where attachment.conversationId is null and attachment.createdAt < :cutoff")
	List<UUID> findUnsentBefore(@Param("cutoff") Instant cutoff);

	/** The files of conversations deleted before {@code cutoff}, about to be purged. */
	@Query("""
			select attachment.id from Attachment attachment where attachment.conversationId in
			(select conversation.id from Conversation conversation where conversation.deletedAt < :cutoff)""")
	List<UUID> findInConversationsDeletedBefore(@Param("cutoff") Instant cutoff);

	/** Which of these ids are still stored. */
	@Query("select attachment.id from Attachment attachment where attachment.id in :ids")
	List<UUID> findExisting(@Param("ids") Collection<UUID> ids);

	/**
	 * Gives a file to a conversation unless another conversation took it first: two sends
	 * at once naming one unsent file both read it unsent, but only one of these updates
	 * finds it so. Answers how many rows changed (0 or 1).
	 */
	@Modifying
	@Query("""
			update Attachment attachment set attachment.conversationId = :conversationId
			where attachment.id = :id and (attachment.conversationId is null or attachment.conversationId = :conversationId)""")
	int sendIn(@Param("id") UUID id, @Param("conversationId") UUID conversationId);

	/** Hands the files uploaded with accounts off to an account. */
	@Modifying
	@Query("update Attachment attachment set attachment.ownerId = :ownerId where attachment.ownerId is null")
	int adoptOwnerless(@Param("ownerId") UUID ownerId);

	@Query("select attachment.id from Attachment attachment where attachment.conversationId = :conversationId")
	List<UUID> findIdsInConversation(@Param("conversationId") UUID conversationId);

	@Modifying
	@Query("delete from Attachment attachment where attachment.id in :ids")
	int deleteByIds(@Param("ids") Collection<UUID> ids);

}
