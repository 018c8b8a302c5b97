package dev.ponder.conversation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface MessageRepository extends JpaRepository<Message, UUID> {

	List<Message> findByConversationIdOrderByPosition(UUID conversationId);

	Optional<Message> findFirstByConversationIdOrderByPositionDesc(UUID conversationId);

	List<Message> findByStatus(MessageStatus status);

	List<Message> findByParentId(UUID parentId);

	List<Message> findByCompareGroupOrderByCompareColumn(UUID compareGroup);

	/**
	 * One statement: deleting row by row would trip over the parent links between
	 * messages.
	 */
	@Modifying
	@Query("delete from Message m where m.conversationId = :conversationId")
	void deleteAllOfConversation(UUID conversationId);

}
