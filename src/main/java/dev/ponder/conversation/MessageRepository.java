package dev.ponder.conversation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MessageRepository extends JpaRepository<Message, UUID> {

	List<Message> findByConversationIdOrderByPosition(UUID conversationId);

	Optional<Message> findFirstByConversationIdOrderByPositionDesc(UUID conversationId);

	@Query("select m.id from Message m where m.status = :status")
	List<UUID> findIdsByStatus(MessageStatus status);

	List<Message> findByParentId(UUID parentId);

	/**
	 * Whether a message of another conversation has one of these ids: an import then
	 * gives its conversation new ones.
	 */
	boolean existsByIdInAndConversationIdNot(Collection<UUID> ids, UUID conversationId);

	List<Message> findByConversationIdAndStatus(UUID conversationId, MessageStatus status);

	/**
	 * The message, if its conversation is not deleted: one query, whatever the answer. A
	 * call through the API not to be saved is never shown.
	 */
	@Query("""
			select m from Message m where m.id = :id and exists
				(select c.id from Conversation c where c.id = m.conversationId and c.deletedAt is null
					and c.kept = true)""")
	Optional<Message> findInLiveConversation(UUID id);

	/**
	 * The message, if its conversation is not deleted and is the owner's: one query, so
	 * that another person's message takes as long to refuse as an unknown one.
	 */
	@Query("""
			select m from Message m where m.id = :id and exists
				(select c.id from Conversation c where c.id = m.conversationId and c.deletedAt is null
					and c.kept = true and c.ownerId = :ownerId)""")
	Optional<Message> findInLiveConversationOf(UUID id, UUID ownerId);

	/** Every relay the owner's conversations hold ({@code everyone}: anyone's). */
	@Query("""
			select distinct new dev.ponder.conversation.UsedRelay(m.endpoint, m.thinkerModel, m.model) from Message m
			where m.thinkerModel is not null and m.model is not null and exists
				(select c.id from Conversation c where c.id = m.conversationId and c.deletedAt is null
					and c.kept = true and (:everyone = true or c.ownerId = :ownerId))""")
	List<UsedRelay> usedRelays(boolean everyone, UUID ownerId);

	/**
	 * The messages whose thread has this fingerprint, in the owner's saved conversations
	 * made through the API ({@code everyone}: any owner's), newest first.
	 */
	@Query("""
			select m from Message m where m.threadHash = :threadHash and exists
				(select c.id from Conversation c where c.id = m.conversationId and c.deletedAt is null
					and c.kept = true and c.madeThroughApi = true and (:everyone = true or c.ownerId = :ownerId))
			order by m.createdAt desc""")
	List<Message> findThreadEnds(String threadHash, boolean everyone, UUID ownerId, Pageable page);

	List<Message> findByConversationIdAndCompareGroupOrderByCompareColumn(UUID conversationId, UUID compareGroup);

	/**
	 * Usage by model, of every conversation ({@code ownerId} null) or one owner's. A
	 * relayed answer's tokens include its thinker's, as its cost does; its reasoning cost
	 * is unknown where none is stored.
	 */
	@Query("""
			select new dev.ponder.conversation.ModelUsage(m.endpoint, m.model, count(m), sum(m.usage.cost),
				sum(coalesce(m.usage.promptTokens, 0) + coalesce(m.thinkerUsage.promptTokens, 0)),
				sum(coalesce(m.usage.completionTokens, 0) + coalesce(m.thinkerUsage.completionTokens, 0)),
				sum(coalesce(m.usage.reasoningTokens, 0) + coalesce(m.thinkerUsage.reasoningTokens, 0)),
				sum(m.reasoningCost), sum(case when m.reasoningCost is null then 1L else 0L end))
			from Message m
			where m.role = dev.ponder.conversation.MessageRole.ASSISTANT and m.model is not null
				and m.status <> dev.ponder.conversation.MessageStatus.STREAMING
				and (:everyone = true or m.conversationId in
					(select c.id from Conversation c where c.ownerId = :ownerId))
			group by m.endpoint, m.model
			order by sum(m.usage.cost) desc nulls last, count(m) desc""")
	List<ModelUsage> usageByModel(boolean everyone, UUID ownerId);

	@Query("""
			select new dev.ponder.conversation.AnswerUsage(m.createdAt, m.usage.cost,
				coalesce(m.usage.promptTokens, 0) + coalesce(m.thinkerUsage.promptTokens, 0),
				coalesce(m.usage.completionTokens, 0) + coalesce(m.thinkerUsage.completionTokens, 0),
				coalesce(m.usage.reasoningTokens, 0) + coalesce(m.thinkerUsage.reasoningTokens, 0), m.reasoningCost)
			from Message m
			where m.role = dev.ponder.conversation.MessageRole.ASSISTANT and m.model is not null
				and m.status <> dev.ponder.conversation.MessageStatus.STREAMING and m.createdAt >= :since
				and (:everyone = true or m.conversationId in
					(select c.id from Conversation c where c.ownerId = :ownerId))
			order by m.createdAt""")
	List<AnswerUsage> usageSince(Instant since, boolean everyone, UUID ownerId);

	/**
	 * Saves a streaming answer's progress in one statement, without reading the row
	 * first; an answer that has ended meanwhile is left as it ended.
	 */
	@Modifying(flushAutomatically = false, clearAutomatically = false)
	@Query("""
			update Message m set m.content = :content, m.reasoning = :reasoning,
				m.reasoningDetails = :reasoningDetails, m.reasoningStartedAt = :reasoningStartedAt,
				m.contentStartedAt = :contentStartedAt
			where m.id = :id and m.status = dev.ponder.conversation.MessageStatus.STREAMING""")
	int checkpoint(UUID id, String content, String reasoning, String reasoningDetails, Instant reasoningStartedAt,
			Instant contentStartedAt);

	/**
	 * Fails an answer that still streams, keeping its last checkpoint. Its usage never
	 * came: what its reasoning cost is unknown, unless it had not reasoned.
	 */
	@Modifying
	@Query("""
			update Message m set m.status = dev.ponder.conversation.MessageStatus.FAILED, m.errorCode = :code,
				m.errorMessage = :message, m.finishedAt = :now,
				m.reasoningCost = case when length(m.reasoning) = 0 then 0bd else null end
			where m.id = :id and m.status = dev.ponder.conversation.MessageStatus.STREAMING""")
	int interrupt(UUID id, String code, String message, Instant now);

	/**
	 * One statement: deleting row by row would trip over the parent links between
	 * messages.
	 */
	@Modifying
	@Query("delete from Message m where m.conversationId = :conversationId")
	void deleteAllOfConversation(UUID conversationId);

}
