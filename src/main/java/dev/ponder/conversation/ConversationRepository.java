package dev.ponder.conversation;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConversationRepository extends JpaRepository<Conversation, UUID> {

	List<Conversation> findAllByOrderByUpdatedAtDesc(Pageable page);

}
